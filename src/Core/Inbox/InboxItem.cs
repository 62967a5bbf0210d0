using Hromada.Core.Proposals;

namespace Hromada.Core.Inbox;

/// <summary>Where an inbox item stands.</summary>
public enum InboxStatus
{
    /// <summary>Stored, not handled yet (or waiting for a retry at <see cref="InboxItem.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>Handled: the engine's state, the reply in the outbox and this mark were committed together.</summary>
    Done,

    /// <summary>
    /// Could not be handled (the payload no longer parses, or it kept failing): kept with <see cref="InboxItem.LastError"/>
    /// for a person to look at, never retried, and it does not hold up the sender's later messages.
    /// </summary>
    SetAside,
}

/// <summary>
/// A raw channel update, stored before the platform is told it arrived, so an acknowledged update survives a restart.
/// Unique by (channel, external id), which also drops redeliveries. Handled in order per <see cref="SenderKey"/>.
/// </summary>
public sealed class InboxItem
{
    public long Id { get; set; }
    public Channel Channel { get; set; }
    public string ExternalId { get; set; } = "";

    /// <summary>Who sent it in the channel (chat id, PSID, web session): one sender's items are handled in id order.</summary>
    public string SenderKey { get; set; } = "";

    public string Payload { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public InboxStatus Status { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
