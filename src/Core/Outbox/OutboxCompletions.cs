using System.Data.Common;
using System.Threading.Channels;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Core.Outbox;

/// <summary>What to record about one outbox message after a send.</summary>
internal sealed record OutboxUpdate(long Id, OutboxStatus Status, int Attempts, int PartsSent, DateTimeOffset NextAttemptAt, string? Error)
{
    public DateTimeOffset? CompletedAt { get; init; }
    public string? LeaseOwner { get; init; }
    public DateTimeOffset? LeaseUntil { get; init; }
    public bool Delete { get; init; }

    /// <summary>Set for a recipient who blocked the bot: the resident is marked blocked and unsubscribed.</summary>
    public (Channel Channel, string ChannelUserId)? BlockedResident { get; init; }
}

/// <summary>
/// Writes send results in batches (one transaction for many), so recording a send costs a fraction of a commit.
/// A crash before a batch is written leaves those messages leased: they are sent again after the lease — the
/// "at most twice for messages in flight" bound.
/// </summary>
internal sealed class OutboxCompletions(IServiceScopeFactory scopes, SqliteWriteGate gate, ILogger<OutboxCompletions> logger) : IDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<OutboxUpdate> _queue = System.Threading.Channels.Channel.CreateUnbounded<OutboxUpdate>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _start = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, byte> _unwritten = new();
    private Task? _loop;
    private long _pending;

    /// <summary>
    /// True while the result of a send of message <paramref name="id"/> is recorded but not yet written: the row still
    /// reads "pending" in the database, and must not be claimed and sent again.
    /// </summary>
    public bool IsUnwritten(long id) => _unwritten.ContainsKey(id);

    public void Record(OutboxUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        _unwritten[update.Id] = 0;
        Interlocked.Increment(ref _pending);
        if (_loop is null)
        {
            lock (_start)
            {
                _loop ??= Task.Run(() => LoopAsync(_stopping.Token));
            }
        }
        _queue.Writer.TryWrite(update);
    }

    /// <summary>Waits until everything recorded so far is written (tests, shutdown).</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        while (Interlocked.Read(ref _pending) > 0)
        {
            await Task.Delay(10, ct);
        }
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var batch = new List<OutboxUpdate>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var u))
                {
                    batch.Add(u);
                }
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await WriteAsync(batch, ct);
                        break;
                    }
                    catch (Exception ex) when (attempt < 5 && !ct.IsCancellationRequested)
                    {
                        logger.LogWarning(ex, "Recording {Count} send result(s) failed (attempt {Attempt}); retrying", batch.Count, attempt);
                        await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        logger.LogError(ex, "Recording {Count} send result(s) failed; those messages are sent again after their lease", batch.Count);
                        break;
                    }
                }
                foreach (var u in batch)
                {
                    _unwritten.TryRemove(u.Id, out _);
                }
                Interlocked.Add(ref _pending, -batch.Count);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task WriteAsync(List<OutboxUpdate> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        using var turn = await gate.EnterAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var update = Command(connection, tx,
                "UPDATE OutboxMessages SET Status = @status, Attempts = @attempts, PartsSent = @parts, NextAttemptAt = @next, " +
                "LastError = @error, CompletedAt = @completed, LeaseOwner = @owner, LeaseUntil = @until WHERE Id = @id",
                "@status", "@attempts", "@parts", "@next", "@error", "@completed", "@owner", "@until", "@id");
            await using var delete = Command(connection, tx, "DELETE FROM OutboxMessages WHERE Id = @id", "@id");
            await using var block = Command(connection, tx,
                "UPDATE Residents SET IsBlocked = 1, IsSubscribed = 0 WHERE Channel = @channel AND ChannelUserId = @user", "@channel", "@user");
            foreach (var u in batch)
            {
                if (u.Delete)
                {
                    delete.Parameters["@id"].Value = u.Id;
                    await delete.ExecuteNonQueryAsync(ct);
                }
                else
                {
                    var p = update.Parameters;
                    p["@status"].Value = u.Status.ToString();
                    p["@attempts"].Value = u.Attempts;
                    p["@parts"].Value = u.PartsSent;
                    p["@next"].Value = UtcTextConverter.Format(u.NextAttemptAt);
                    p["@error"].Value = u.Error is null ? DBNull.Value : (u.Error.Length > 1000 ? u.Error[..1000] : u.Error);
                    p["@completed"].Value = u.CompletedAt is { } c ? UtcTextConverter.Format(c) : DBNull.Value;
                    p["@owner"].Value = (object?)u.LeaseOwner ?? DBNull.Value;
                    p["@until"].Value = u.LeaseUntil is { } l ? UtcTextConverter.Format(l) : DBNull.Value;
                    p["@id"].Value = u.Id;
                    await update.ExecuteNonQueryAsync(ct);
                }
                if (u.BlockedResident is { } r)
                {
                    block.Parameters["@channel"].Value = r.Channel.ToString();
                    block.Parameters["@user"].Value = r.ChannelUserId;
                    await block.ExecuteNonQueryAsync(ct);
                }
            }
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            command.Parameters.Add(p);
        }
        return command;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _queue.Writer.TryComplete();
        _stopping.Dispose();
    }
}
