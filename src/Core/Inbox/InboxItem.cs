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
    public string? LastError { get; set; }
}
