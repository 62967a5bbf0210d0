namespace Hromada.Core.Pipeline;

/// <summary>
/// A count of things under way (sends, results not yet written) that can be awaited until it is back to zero — for a
/// flush before the service stops, and for tests — without polling it.
/// </summary>
internal sealed class InFlight
{
    private readonly Lock _gate = new();
    private long _count;
    private TaskCompletionSource? _idle;

    public long Count => Interlocked.Read(ref _count);

    public void Add(int n = 1) => Interlocked.Add(ref _count, n);

    public void Done(int n = 1)
    {
        if (Interlocked.Add(ref _count, -n) != 0)
        {
            return;
        }
        lock (_gate)
        {
            if (Interlocked.Read(ref _count) == 0 && _idle is not null)
            {
                _idle.TrySetResult();
                _idle = null;
            }
        }
    }

    /// <summary>Completes once nothing is under way (at once if nothing is now).</summary>
    public Task WhenIdleAsync(CancellationToken ct)
    {
        lock (_gate)
        {
            if (Interlocked.Read(ref _count) == 0)
            {
                return Task.CompletedTask;
            }
            _idle ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _idle.Task.WaitAsync(ct);
        }
    }
}
