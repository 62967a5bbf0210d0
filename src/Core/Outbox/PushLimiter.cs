using Hromada.Core.Proposals;

namespace Hromada.Core.Outbox;

/// <summary>
/// Paces pushes per channel by handing out send slots: evenly spaced at the channel's rate, at least the
/// per-recipient interval apart for one recipient, and none while the channel is paused by a platform's global 429.
/// Each waiting message gets its own slot, so a broadcast of thousands wakes each message once. In memory: with
/// several instances, each keeps its own pace.
/// </summary>
internal sealed class PushLimiter(TimeProvider time)
{
    /// <summary>Added to the one-second window: the time a request takes to reach the platform varies by a few milliseconds.</summary>
    private static readonly TimeSpan WindowGuard = TimeSpan.FromMilliseconds(25);

    private readonly Lock _gate = new();
    private readonly Dictionary<Channel, Lane> _lanes = [];

    /// <summary>When this push may go; the slot is taken.</summary>
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
            if (limits.PerRecipientInterval > TimeSpan.Zero)
            {
                lane.LastPush[recipient] = slot;
                if (lane.LastPush.Count > 20_000)
                {
                    foreach (var old in lane.LastPush.Where(p => now - p.Value > limits.PerRecipientInterval).Select(p => p.Key).ToList())
                    {
                        lane.LastPush.Remove(old);
                    }
                }
            }
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

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed class Lane
    {
        public DateTimeOffset NextSlot { get; set; } = DateTimeOffset.MinValue;
        public DateTimeOffset PausedUntil { get; set; } = DateTimeOffset.MinValue;
        public Dictionary<string, DateTimeOffset> LastPush { get; } = new(StringComparer.Ordinal);
        public Queue<DateTimeOffset> Sent { get; } = new();
    }
}
