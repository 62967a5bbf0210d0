using System.Data.Common;
using System.Threading.Channels;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Core.Inbox;

/// <summary>
/// The result of storing one payload: its inbox id, or null when the same (channel, external id) was stored before;
/// and, when asked for, a task that completes once the item has been handled here.
/// </summary>
public readonly record struct StoredItem(long? Id, Task? Handled = null)
{
    public bool IsNew => Id is not null;
}

/// <summary>
/// Stores raw payloads before the platform is answered. Concurrent callers are written together in one transaction
/// (a group commit), so many webhooks at once cost one commit, not one each; every caller still waits for its own row
/// to be committed before it answers the platform. New items are handed to the <see cref="InboxProcessor"/> here, in
/// the order of their ids, so one sender's messages are handled in the order they were stored.
/// </summary>
public sealed class InboxWriter(IServiceScopeFactory scopes, InboxProcessor processor, SqliteWriteGate gate, TimeProvider time, ILogger<InboxWriter> logger) : IDisposable
{
    private const int MaxBatch = 256;
    private readonly Channel<Request> _queue = System.Threading.Channels.Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _start = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    /// <summary>
    /// Stores one payload (<paramref name="parsed"/> is what its channel adapter made of it, so it need not be parsed
    /// again); with <paramref name="trackHandling"/> the result carries a task that completes when it has been handled.
    /// </summary>
    public Task<StoredItem> StoreAsync(
        Channel channel, string externalId, string senderKey, string payload, Inbound? parsed = null, bool trackHandling = false, CancellationToken ct = default)
    {
        var request = new Request(channel, externalId, senderKey, payload, parsed, trackHandling);
        EnsureStarted();
        _queue.Writer.TryWrite(request);
        return request.Completion.Task.WaitAsync(ct);
    }

    private void EnsureStarted()
    {
        if (_loop is not null)
        {
            return;
        }
        lock (_start)
        {
            _loop ??= Task.Run(() => LoopAsync(_stopping.Token));
        }
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var batch = new List<Request>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var r))
                {
                    batch.Add(r);
                }
                try
                {
                    await WriteAsync(batch, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogError(ex, "Storing {Count} inbound payload(s) failed; the platform is told to deliver them again", batch.Count);
                    foreach (var r in batch)
                    {
                        r.Completion.TrySetException(ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task WriteAsync(List<Request> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        using var turn = await gate.EnterAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText =
                "INSERT INTO InboxItems (Channel, ExternalId, SenderKey, Payload, ReceivedAt, Status, NextAttemptAt, Attempts) " +
                "VALUES (@channel, @external, @sender, @payload, @now, 'Pending', @now, 0) " +
                "ON CONFLICT (Channel, ExternalId) DO NOTHING RETURNING Id";
            var channel = Parameter(insert, "@channel");
            var external = Parameter(insert, "@external");
            var sender = Parameter(insert, "@sender");
            var payload = Parameter(insert, "@payload");
            Parameter(insert, "@now").Value = UtcTextConverter.Format(time.GetUtcNow());
            var ids = new long?[batch.Count];
            for (var i = 0; i < batch.Count; i++)
            {
                var r = batch[i];
                channel.Value = r.Channel.ToString();
                external.Value = r.ExternalId;
                sender.Value = r.SenderKey;
                payload.Value = r.Payload;
                ids[i] = await insert.ExecuteScalarAsync(ct) is long id ? id : null;
            }
            await tx.CommitAsync(ct);
            for (var i = 0; i < batch.Count; i++)
            {
                var r = batch[i];
                Task? handled = null;
                if (ids[i] is { } id)
                {
                    var work = new InboxWork(id, r.Channel, r.SenderKey) { Parsed = r.Parsed };
                    if (r.TrackHandling)
                    {
                        work.Handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        handled = work.Handled.Task;
                    }
                    processor.Post(work);
                }
                r.Completion.TrySetResult(new StoredItem(ids[i], handled));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        command.Parameters.Add(p);
        return p;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _queue.Writer.TryComplete();
        _stopping.Dispose();
    }

    private sealed record Request(Channel Channel, string ExternalId, string SenderKey, string Payload, Inbound? Parsed, bool TrackHandling)
    {
        public TaskCompletionSource<StoredItem> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
