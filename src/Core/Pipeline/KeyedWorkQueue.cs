using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Pipeline;

/// <summary>What became of one work item.</summary>
public readonly record struct WorkOutcome(WorkOutcomeKind Kind, DateTimeOffset RetryAt = default)
{
    public static WorkOutcome Done { get; } = new(WorkOutcomeKind.Done);

    /// <summary>Try this item again at <paramref name="at"/>; the key's later items wait behind it.</summary>
    public static WorkOutcome Retry(DateTimeOffset at) => new(WorkOutcomeKind.Retry, at);

    /// <summary>Forget this key's queued items here (another instance handles the key).</summary>
    public static WorkOutcome Release { get; } = new(WorkOutcomeKind.Release);
}

public enum WorkOutcomeKind
{
    Done,
    Retry,
    Release,
}

/// <summary>
/// Work grouped by key (a resident, a chat): one key's items are handled one at a time in id order, different keys
/// side by side by at most <c>concurrency</c> workers. A key that has had <c>burst</c> items goes to the back of the
/// line, so one busy key cannot starve the others; a key whose head item must wait (a retry, a platform's
/// retry_after) is parked on a timer and holds up no worker and no other key.
/// </summary>
internal sealed class KeyedWorkQueue<T>(
    int concurrency,
    int burst,
    Func<T, long> idOf,
    Func<string, T, CancellationToken, Task<WorkOutcome>> handle,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>Work that throws instead of saying what comes next is tried again after this, the same wait every time.</summary>
    private static readonly RetryPolicy Unexpected = RetryPolicy.Every(TimeSpan.FromSeconds(5));

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);
    private readonly Channel<Lane> _ready = Channel.CreateUnbounded<Lane>(new UnboundedChannelOptions { SingleWriter = false, SingleReader = false });
    private int _items;

    /// <summary>Items waiting or being handled.</summary>
    public int Count => Volatile.Read(ref _items);

    /// <summary>Adds an item; false when an item with the same id is already queued for the key.</summary>
    public bool Post(string key, T item)
    {
        lock (_gate)
        {
            if (!_lanes.TryGetValue(key, out var lane))
            {
                lane = new Lane(key);
                _lanes[key] = lane;
            }
            if (!lane.Items.TryAdd(idOf(item), item))
            {
                return false;
            }
            _items++;
            if (!lane.Queued && !lane.Parked)
            {
                lane.Queued = true;
                _ready.Writer.TryWrite(lane);
            }
            return true;
        }
    }

    /// <summary>True when the item is queued or being handled here.</summary>
    public bool Contains(string key, long id)
    {
        lock (_gate)
        {
            return _lanes.TryGetValue(key, out var lane) && lane.Items.ContainsKey(id);
        }
    }

    public Task RunAsync(CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(() => WorkerAsync(ct), ct)));

    private async Task WorkerAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var lane in _ready.Reader.ReadAllAsync(ct))
            {
                await RunLaneAsync(lane, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task RunLaneAsync(Lane lane, CancellationToken ct)
    {
        for (var handled = 0; handled < burst; handled++)
        {
            T item;
            lock (_gate)
            {
                if (lane.Items.Count == 0)
                {
                    break;
                }
                item = lane.Items.GetValueAtIndex(0);
            }

            WorkOutcome outcome;
            try
            {
                outcome = await handle(lane.Key, item, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var wait = Unexpected.DelayAfter(1);
                logger.LogError(ex, "Work for {Key} failed unexpectedly; trying again in {Wait}", lane.Key, wait);
                outcome = WorkOutcome.Retry(time.GetUtcNow() + wait);
            }

            switch (outcome.Kind)
            {
                case WorkOutcomeKind.Retry:
                    Park(lane, outcome.RetryAt, ct);
                    return;
                case WorkOutcomeKind.Release:
                    lock (_gate)
                    {
                        _items -= lane.Items.Count;
                        lane.Items.Clear();
                    }
                    handled = burst;
                    break;
                default:
                    lock (_gate)
                    {
                        if (lane.Items.Count > 0 && idOf(lane.Items.GetValueAtIndex(0)) == idOf(item))
                        {
                            lane.Items.RemoveAt(0);
                            _items--;
                        }
                    }
                    break;
            }
        }

        lock (_gate)
        {
            if (lane.Items.Count > 0)
            {
                _ready.Writer.TryWrite(lane);
            }
            else
            {
                lane.Queued = false;
                _lanes.Remove(lane.Key);
            }
        }
    }

    private void Park(Lane lane, DateTimeOffset until, CancellationToken ct)
    {
        lock (_gate)
        {
            lane.Queued = false;
            lane.Parked = true;
        }
        _ = UnparkAsync(lane, until, ct);
    }

    private async Task UnparkAsync(Lane lane, DateTimeOffset until, CancellationToken ct)
    {
        var wait = until - time.GetUtcNow();
        try
        {
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        lock (_gate)
        {
            lane.Parked = false;
            if (lane.Items.Count > 0)
            {
                lane.Queued = true;
                _ready.Writer.TryWrite(lane);
            }
            else
            {
                _lanes.Remove(lane.Key);
            }
        }
    }

    private sealed class Lane(string key)
    {
        public string Key { get; } = key;
        public SortedList<long, T> Items { get; } = [];
        public bool Queued { get; set; }
        public bool Parked { get; set; }
    }
}
