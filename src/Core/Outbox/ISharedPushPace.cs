using Hromada.Core.Proposals;

namespace Hromada.Core.Outbox;

/// <summary>
/// The pace of a channel's pushes shared by every instance on one database (PostgreSQL): one next free send slot per
/// channel, advanced in one statement by whoever takes slots, so instances together keep the platform's limit. On
/// SQLite there is one instance and none of this: it paces itself in memory.
/// </summary>
internal interface ISharedPushPace
{
    /// <summary>
    /// Takes <paramref name="count"/> consecutive slots <paramref name="interval"/> apart, the first no earlier than
    /// <paramref name="from"/> nor than the channel's next free slot; returns the first (the others follow it).
    /// </summary>
    Task<DateTimeOffset> TakeAsync(Channel channel, int count, TimeSpan interval, DateTimeOffset from, CancellationToken ct);

    /// <summary>The channel's next free slot, taken by any instance; null when no slot was ever taken.</summary>
    Task<DateTimeOffset?> NextAsync(Channel channel, CancellationToken ct);
}
