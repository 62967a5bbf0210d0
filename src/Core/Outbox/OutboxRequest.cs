using Hromada.Core.Conversation;
using Hromada.Core.Proposals;

namespace Hromada.Core.Outbox;

/// <summary>What to put in the outbox: who gets it, why, and the messages.</summary>
public sealed record OutboxRequest(Channel Channel, string Recipient, OutboxPurpose Purpose, IReadOnlyList<OutboundMessage> Messages)
{
    public int? ResidentId { get; init; }
    public long? InboxItemId { get; init; }
    public int? ProposalId { get; init; }
    public long? AnnouncementId { get; init; }
    public bool IsPublicPost { get; init; }

    /// <summary>Not before this moment (default: at once).</summary>
    public DateTimeOffset? NotBefore { get; init; }

    /// <summary>
    /// <see cref="OutboxStatus.Held"/> for a message that cannot be pushed now and waits for the resident's next message
    /// (with <see cref="HeldReason"/>); <see cref="OutboxStatus.Pending"/> otherwise.
    /// </summary>
    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;

    public string? HeldReason { get; init; }

    /// <summary>Channel data for the reply (see <see cref="Inbox.Inbound.ReplyContext"/>).</summary>
    public string? ReplyContext { get; init; }

    /// <summary>The language the messages are written in (see <see cref="OutboxMessage.Language"/>); null: the hromada's.</summary>
    public string? Language { get; init; }

    /// <summary>Delete the row once it has been sent (see <see cref="OutboxMessage.EraseOnCompletion"/>).</summary>
    public bool EraseOnCompletion { get; init; }
}
