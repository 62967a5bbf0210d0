using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Storage;

/// <summary>
/// Writes items handed in from many callers in batches: one transaction (one commit, one turn at the
/// <see cref="SqliteWriteGate"/>) for whatever has queued up meanwhile, so many writes at once cost one commit.
/// </summary>
public abstract class BatchWriter<T> : IDisposable
{
    private const int MaxBatch = 256;
    private readonly IServiceScopeFactory _scopes;
    private readonly SqliteWriteGate _gate;
    private readonly Channel<T> _queue = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _start = new();
    private Task? _loop;

    protected BatchWriter(IServiceScopeFactory scopes, SqliteWriteGate gate, ILogger logger)
    {
        _scopes = scopes;
        _gate = gate;
        Logger = logger;
    }

    protected ILogger Logger { get; }

    /// <summary>Tries at writing one batch before <see cref="GiveUp"/>.</summary>
    protected virtual int MaxAttempts => 1;

    protected void Enqueue(T item)
    {
        if (_loop is null)
        {
            lock (_start)
            {
                _loop ??= Task.Run(() => LoopAsync(_stopping.Token));
            }
        }
        _queue.Writer.TryWrite(item);
    }

    /// <summary>Writes the batch in the open transaction; the caller commits.</summary>
    protected abstract Task WriteAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<T> batch, CancellationToken ct);

    /// <summary>After the batch committed.</summary>
    protected virtual void Written(IReadOnlyList<T> batch)
    {
    }

    /// <summary>After the last attempt at the batch failed.</summary>
    protected abstract void GiveUp(IReadOnlyList<T> batch, Exception failure);

    private async Task LoopAsync(CancellationToken ct)
    {
        var batch = new List<T>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
                {
                    batch.Add(item);
                }
                for (var attempt = 1; ; attempt++)
                {
                    try
                    {
                        await CommitAsync(batch, ct);
                        Written(batch);
                        break;
                    }
                    catch (Exception ex) when (attempt < MaxAttempts && !ct.IsCancellationRequested)
                    {
                        Logger.LogWarning(ex, "Writing a batch of {Count} failed (attempt {Attempt}); trying again", batch.Count, attempt);
                        await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                    {
                        GiveUp(batch, ex);
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task CommitAsync(List<T> batch, CancellationToken ct)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        using var turn = await _gate.EnterAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await WriteAsync(connection, tx, batch, ct);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>A command in the transaction with the named parameters (values set per row).</summary>
    protected static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var command = connection.CreateCommand();
        command.Transaction = transaction;
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
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stopping.Cancel();
            _queue.Writer.TryComplete();
            _stopping.Dispose();
        }
    }
}
