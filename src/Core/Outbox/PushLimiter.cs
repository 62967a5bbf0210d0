using Hromada.Core.Proposals;

namespace Hromada.Core.Outbox;

/// <summary>
/// Paces pushes per channel by handing out send slots: evenly spaced at the channel's rate, at least the
/// per-recipient interval apart for one recipient, and none while the channel is paused by a platform's global 429.
/// Each waiting message gets its own slot, so a broadcast of thousands wakes each message once. Alone (SQLite) the
/// slots are kept in memory; with a <see cref="ISharedPushPace"/> (PostgreSQL, several instances) they are taken from
/// the database, so every instance's pushes together keep the channel's rate.
/// </summary>
internal sealed class PushLimiter(TimeProvider time, ISharedPushPace? shared = null)
{
    /// <summary>Added to the one-second window: the time a request takes to reach the platform varies by a few milliseconds.</summary>
    private static readonly TimeSpan WindowGuard = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private readonly Dictionary<Channel, Lane> _lanes = [];

    /// <summary>True when the slots are shared with other instances through the database.</summary>
    public bool IsShared => shared is not null;

    /// <summary>
    /// The spacing of shared slots. The platform counts the pushes that reach it in any one second, and a push reaches it
    /// a little after its slot (a timer, the way there), later by a different amount on each instance; so shared slots
    /// are spaced so that the rate's worth of them spans the second plus the guard. Alone, slots are spaced at the rate
    /// and <see cref="Admit"/> holds a push that would be one too many in its window.
    /// </summary>
    public static TimeSpan SharedInterval(PushLimits limits) =>
        TimeSpan.FromTicks((long)Math.Ceiling((TimeSpan.TicksPerSecond + WindowGuard.Ticks) / Math.Max(0.001, limits.PerSecond)));

    /// <summary>
    /// Shared pace only: a slot for one push, from the database. Not taken (<c>Taken</c> false) while the channel is
    /// paused or the recipient had a push less than the per-recipient interval ago: then <c>At</c> says when to ask again.
    /// </summary>
    public async Task<(DateTimeOffset At, bool Taken)> ReserveSharedAsync(Channel channel, string recipient, PushLimits limits, CancellationToken ct)
    {
        var pace = shared ?? throw new InvalidOperationException("No shared pace.");
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var notBefore = NotBefore(LaneOf(channel), recipient, limits);
            if (notBefore > now)
            {
                return (notBefore, false);
            }
        }
        var slot = await pace.TakeAsync(channel, 1, SharedInterval(limits), now, ct);
        lock (_gate)
        {
            Pushed(LaneOf(channel), recipient, slot, limits, now);
        }
        return (slot, true);
    }

    /// <summary>
    /// Shared pace only: slots for pushes just claimed, in one statement, handed out in their order; a push that must
    /// wait for its recipient's interval gets none here (it asks for its own when it is due). Returns the channel's next
    /// free slot after these.
    /// </summary>
    public async Task<DateTimeOffset> AssignSharedAsync(Channel channel, IReadOnlyList<OutboxWork> works, PushLimits limits, CancellationToken ct)
    {
        var pace = shared ?? throw new InvalidOperationException("No shared pace.");
        var now = time.GetUtcNow();
        List<OutboxWork> ready;
        DateTimeOffset from;
        lock (_gate)
        {
            var lane = LaneOf(channel);
            from = Max(now, lane.PausedUntil);
            ready = works.Where(w => NotBefore(lane, w.Recipient, limits) <= from).ToList();
        }
        var interval = SharedInterval(limits);
        if (ready.Count == 0)
        {
            return await pace.NextAsync(channel, ct) ?? now;
        }
        var first = await pace.TakeAsync(channel, ready.Count, interval, from, ct);
        lock (_gate)
        {
            var lane = LaneOf(channel);
            for (var i = 0; i < ready.Count; i++)
            {
                ready[i].Slot = first + (interval * i);
                Pushed(lane, ready[i].Recipient, ready[i].Slot!.Value, limits, now);
            }
        }
        return first + (interval * ready.Count);
    }

    /// <summary>Shared pace only: how far ahead of now every instance together has taken slots.</summary>
    public async Task<TimeSpan> SharedHorizonAsync(Channel channel, CancellationToken ct)
    {
        var pace = shared ?? throw new InvalidOperationException("No shared pace.");
        var next = await pace.NextAsync(channel, ct);
        var ahead = (next ?? DateTimeOffset.MinValue) - time.GetUtcNow();
        return ahead > TimeSpan.Zero ? ahead : TimeSpan.Zero;
    }

    /// <summary>Alone (no shared pace): when this push may go; the slot is taken.</summary>
    public DateTimeOffset Reserve(Channel channel, string recipient, PushLimits limits)
    {
        var now = time.GetUtcNow();
        var interval = TimeSpan.FromSeconds(1 / Math.Max(0.001, limits.PerSecond));
        lock (_gate)
        {
            var lane = LaneOf(channel);
            var slot = Max(now, Max(lane.PausedUntil, lane.NextSlot));
            if (limits.PerRecipientInterval > TimeSpan.Zero && lane.LastPush.TryGetValue(recipient, out var last))
            {
                slot = Max(slot, last + limits.PerRecipientInterval);
            }
            lane.NextSlot = slot + interval;
            Pushed(lane, recipient, slot, limits, now);
            return slot;
        }
    }

    /// <summary>
    /// Admits a push about to go out now when fewer than the channel's per-second limit went out in the last second
    /// (plus a guard for the way to the platform); otherwise says when the oldest of them leaves the window.
    /// </summary>
    public DateTimeOffset? Admit(Channel channel, PushLimits limits)
    {
        var now = time.GetUtcNow();
        var window = TimeSpan.FromSeconds(1) + WindowGuard;
        var max = Math.Max(1, (int)Math.Floor(limits.PerSecond));
        lock (_gate)
        {
            var sent = LaneOf(channel).Sent;
            while (sent.Count > 0 && now - sent.Peek() >= window)
            {
                sent.Dequeue();
            }
            if (sent.Count < max)
            {
                sent.Enqueue(now);
                return null;
            }
            return sent.Peek() + window;
        }
    }

    /// <summary>Until when the channel is paused; <see cref="DateTimeOffset.MinValue"/> when it is not.</summary>
    public DateTimeOffset PausedUntil(Channel channel)
    {
        lock (_gate)
        {
            return LaneOf(channel).PausedUntil;
        }
    }

    /// <summary>How far ahead slots are already handed out (the dispatcher claims more pushes only when this is short).</summary>
    public TimeSpan Horizon(Channel channel)
    {
        lock (_gate)
        {
            var ahead = LaneOf(channel).NextSlot - time.GetUtcNow();
            return ahead > TimeSpan.Zero ? ahead : TimeSpan.Zero;
        }
    }

    /// <summary>No push in <paramref name="channel"/> before <paramref name="until"/> (a platform's global retry_after).</summary>
    public void Pause(Channel channel, DateTimeOffset until)
    {
        lock (_gate)
        {
            var lane = LaneOf(channel);
            if (until > lane.PausedUntil)
            {
                lane.PausedUntil = until;
            }
            if (lane.NextSlot < until)
            {
                lane.NextSlot = until;
            }
        }
    }

    private Lane LaneOf(Channel channel)
    {
        if (!_lanes.TryGetValue(channel, out var lane))
        {
            lane = new Lane();
            _lanes[channel] = lane;
        }
        return lane;
    }

    private static DateTimeOffset NotBefore(Lane lane, string recipient, PushLimits limits) =>
        limits.PerRecipientInterval > TimeSpan.Zero && lane.LastPush.TryGetValue(recipient, out var last)
            ? Max(lane.PausedUntil, last + limits.PerRecipientInterval)
            : lane.PausedUntil;

    private static void Pushed(Lane lane, string recipient, DateTimeOffset slot, PushLimits limits, DateTimeOffset now)
    {
        if (limits.PerRecipientInterval <= TimeSpan.Zero)
        {
            return;
        }
        lane.LastPush[recipient] = slot;
        if (lane.LastPush.Count > 20_000)
        {
            foreach (var old in lane.LastPush.Where(p => now - p.Value > limits.PerRecipientInterval).Select(p => p.Key).ToList())
            {
                lane.LastPush.Remove(old);
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Lane
    {
        public DateTimeOffset NextSlot { get; set; } = DateTimeOffset.MinValue;
        public DateTimeOffset PausedUntil { get; set; } = DateTimeOffset.MinValue;
        public Dictionary<string, DateTimeOffset> LastPush { get; } = new(StringComparer.Ordinal);
        public Queue<DateTimeOffset> Sent { get; } = new();
    }
}
