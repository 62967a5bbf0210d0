using System.Threading.Channels;
using Hromada.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Inbox;

/// <summary>
/// Reads turns' starting states for many residents at once, as <see cref="TurnCommitter"/> writes them: every handler
/// asks here and waits; whatever has queued up meanwhile is read on one open connection with one prepared statement
/// (<see cref="IPipelineStore.LoadTurnsAsync"/>), so a busy moment costs one open, one prepare and one scope per batch,
/// not per message. A resident's next message is read only after its previous turn committed (its handler waits for
/// the commit), so the state read is always the latest.
/// </summary>
public sealed class TurnLoader : IDisposable
{
    private const int MaxBatch = 128;
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<TurnLoader> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _start = new();
    private Task? _loop;

    public TurnLoader(IServiceScopeFactory scopes, ILogger<TurnLoader> logger)
    {
        _scopes = scopes;
        _logger = logger;
    }

    /// <summary>The stored state <paramref name="key"/>'s turn starts from, read with whatever else is waiting.</summary>
    public Task<TurnState> LoadAsync(TurnKey key, CancellationToken ct = default)
    {
        var pending = new Pending(key);
        if (_loop is null)
        {
            lock (_start)
            {
                _loop ??= Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
            }
        }
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        return pending.Completion.Task.WaitAsync(ct);
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        var batch = new List<Pending>(MaxBatch);
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
                    await using var scope = _scopes.CreateAsyncScope();
                    var states = await scope.ServiceProvider.GetRequiredService<IPipelineStore>().LoadTurnsAsync([.. batch.Select(p => p.Key)], ct);
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Completion.TrySetResult(states[i]);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // Each handler fails its own item (and retries it with backoff); the loop goes on for the next ones.
                    _logger.LogDebug(ex, "Reading {Count} turn state(s) failed", batch.Count);
                    foreach (var p in batch)
                    {
                        p.Completion.TrySetException(ex);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        foreach (var p in batch)
        {
            p.Completion.TrySetCanceled(ct);
        }
        while (_queue.Reader.TryRead(out var left))
        {
            left.Completion.TrySetCanceled(ct);
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _queue.Writer.TryComplete();
        _stopping.Dispose();
    }

    private sealed record Pending(TurnKey Key)
    {
        public TaskCompletionSource<TurnState> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
