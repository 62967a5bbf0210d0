using Hromada.Core.Proposals;

namespace Hromada.Core.Inbox;

/// <summary>
/// A raw channel update stored before it is acknowledged to the platform, so an acknowledged update survives a restart.
/// Unique by (channel, external id), which also deduplicates redeliveries.
/// </summary>
public sealed class InboxItem
{
    public long Id { get; set; }
    public Channel Channel { get; set; }
    public string ExternalId { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>
    /// The engine's reply, stored before it is sent: a send that fails is retried with this reply, because the engine
    /// has moved on and would treat the update as a duplicate.
    /// </summary>
    public string? Reply { get; set; }
    public string? LastError { get; set; }
}
