using System.Threading.Channels;
using Hromada.Core.Outbox;
using Hromada.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Inbox;

/// <summary>
/// The one place that commits turns. Every handler hands its decided turn here and waits; whatever has queued up
/// meanwhile — the turns of several residents — is written in one transaction (<see cref="IPipelineStore.CommitTurnsAsync"/>),
/// so many turns cost one commit. Then the replies go straight to the senders. A turn that fails is undone alone and
/// its handler is told; the others stand.
/// </summary>
internal sealed class TurnCommitter : IDisposable
{
    private const int MaxBatch = 128;
    private readonly IServiceScopeFactory _scopes;
    private readonly OutboxDispatcher _dispatcher;
    private readonly OutboxSignal _signal;
    private readonly PipelineOptions _options;
    private readonly ILogger<TurnCommitter> _logger;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _start = new();
    private Task? _loop;

    public TurnCommitter(IServiceScopeFactory scopes, OutboxDispatcher dispatcher, OutboxSignal signal, IOptions<PipelineOptions> options, ILogger<TurnCommitter> logger)
    {
        _scopes = scopes;
        _dispatcher = dispatcher;
        _signal = signal;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Commits <paramref name="turn"/> with whatever else is waiting; completes when it is written (or undone).</summary>
    public Task<TurnCommitResult> CommitAsync(TurnCommit turn, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (_dispatcher.Sends(turn.Message.Channel))
        {
            // The reply is this instance's to send at once; if the instance dies first, the lease runs out and any sends it.
            turn = turn with { ReplyLeaseOwner = _dispatcher.Owner, ReplyLeaseUntil = turn.Now + _options.LeaseDuration };
        }
        var pending = new Pending(turn);
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
                    await CommitAsync(batch, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // Never let one batch stop the loop: every later turn would wait for ever, and nobody would answer.
                    _logger.LogError(ex, "Committing a batch of {Count} turn(s) failed unexpectedly; the committer goes on", batch.Count);
                    foreach (var p in batch)
                    {
                        p.Completion.TrySetResult(TurnCommitResult.Failed(ex));
                    }
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        while (_queue.Reader.TryRead(out var left))
        {
            left.Completion.TrySetCanceled(ct);
        }
    }

    private async Task CommitAsync(List<Pending> batch, CancellationToken ct)
    {
        IReadOnlyList<TurnCommitResult> results;
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            results = await scope.ServiceProvider.GetRequiredService<IPipelineStore>().CommitTurnsAsync([.. batch.Select(p => p.Turn)], ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The transaction itself failed (the disk, the lock): nothing of the batch was written; each handler retries its own.
            _logger.LogError(ex, "Committing {Count} turn(s) failed; each is tried again by its handler", batch.Count);
            foreach (var p in batch)
            {
                p.Completion.TrySetResult(TurnCommitResult.Failed(ex));
            }
            return;
        }
        // The batch is written: whatever happens after this, each handler is told its own result.
        try
        {
            if (batch.Where((p, i) => p.Turn.Decision.Erases && results[i].Status == TurnCommitStatus.Committed).Any())
            {
                // The erased values leave the write-ahead log and the freed pages before the reply says
                // they are deleted, not at SQLite's next checkpoint.
                await using var scope = _scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Storage.ErasureCheckpoint>().RunAsync("a resident's erasure", ct);
            }
            var claimNeeded = false;
            for (var i = 0; i < batch.Count; i++)
            {
                if (results[i].Status != TurnCommitStatus.Committed)
                {
                    continue;
                }
                if (results[i].Reply is { Id: > 0, LeaseOwner: not null } reply)
                {
                    _dispatcher.Post(reply, results[i].Replies);
                }
                else if (results[i].Reply is not null || batch[i].Turn.Decision.Erases)
                {
                    claimNeeded = true;
                }
            }
            // Replies leased to this instance went to the senders in memory above; the outbox is claimed only for the
            // rest (another instance's channel, an erasure's messages): a claim per batch would take the write lock
            // between every two group commits for nothing.
            if (claimNeeded)
            {
                _signal.Raise();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The replies are in the outbox with a lease: when it runs out the dispatcher sends them anyway.
            _logger.LogError(ex, "After committing {Count} turn(s), handing their replies on failed; they go out when their lease runs out", batch.Count);
        }
        finally
        {
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Completion.TrySetResult(results[i]);
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _queue.Writer.TryComplete();
        _stopping.Dispose();
    }

    private sealed record Pending(TurnCommit Turn)
    {
        public TaskCompletionSource<TurnCommitResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
