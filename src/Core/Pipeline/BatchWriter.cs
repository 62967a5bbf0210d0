using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Pipeline;

/// <summary>
/// Writes items handed in from many callers in batches: whatever has queued up meanwhile goes to the
/// <see cref="IPipelineStore"/> at once (one transaction there), so many writes at once cost one commit.
/// </summary>
public abstract class BatchWriter<T> : IDisposable
{
    private const int MaxBatch = 256;
    private readonly IServiceScopeFactory _scopes;
    private readonly Channel<T> _queue = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _start = new();
    private Task? _loop;

    protected BatchWriter(IServiceScopeFactory scopes, TimeProvider time, ILogger logger)
    {
        _scopes = scopes;
        Time = time;
        Logger = logger;
    }

    protected ILogger Logger { get; }

    /// <summary>The service's clock: retries wait on it.</summary>
    protected TimeProvider Time { get; }

    /// <summary>How a batch that failed to write is tried again (on the service's clock) before <see cref="GiveUp"/>: by default not.</summary>
    protected virtual RetryPolicy Retry { get; } = RetryPolicy.Immediately(1);

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

    /// <summary>Writes the whole batch through <paramref name="store"/> (a fresh scope's), in one transaction.</summary>
    protected abstract Task WriteAsync(IPipelineStore store, IReadOnlyList<T> batch, CancellationToken ct);

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
                try
                {
                    await Retry.ExecuteAsync(t => CommitAsync(batch, t), _ => TimeSpan.Zero, Time, (ex, failures, wait) =>
                        Logger.LogWarning(ex, "Writing a batch of {Count} failed (attempt {Attempt}); trying again in {Wait}", batch.Count, failures, wait), ct);
                    Written(batch);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    GiveUp(batch, ex);
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
        await WriteAsync(scope.ServiceProvider.GetRequiredService<IPipelineStore>(), batch, ct);
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
