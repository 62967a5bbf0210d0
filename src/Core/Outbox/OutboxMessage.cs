using Hromada.Core.Proposals;

namespace Hromada.Core.Outbox;

/// <summary>Why a message is in the outbox; replies go before notices, notices before announcements.</summary>
public enum OutboxPurpose
{
    /// <summary>The engine's answer to a resident's message.</summary>
    Reply,

    /// <summary>A message owed to one resident outside a conversation (a decision).</summary>
    Notice,

    /// <summary>One recipient's copy of an announcement (a subscriber, the Telegram channel, the Facebook Page feed).</summary>
    Announcement,
}

/// <summary>Where an outbox message stands.</summary>
public enum OutboxStatus
{
    /// <summary>Waiting to be sent (or to be retried at <see cref="OutboxMessage.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>The platform accepted it (or it was handed over with a reply, see <see cref="OutboxMessage.LastError"/>).</summary>
    Sent,

    /// <summary>
    /// Cannot be pushed now (Messenger outside the 24-hour window, the web chat, a channel that is off): it goes out with
    /// the reply to the resident's next message.
    /// </summary>
    Held,

    /// <summary>The resident blocked the bot or deleted the chat; not retried, the resident is marked and unsubscribed.</summary>
    Blocked,

    /// <summary>Given up: refused for good by the platform, or still failing after the configured attempts.</summary>
    Failed,

    /// <summary>Not sent on purpose (the announcement was cancelled, the resident unsubscribed meanwhile).</summary>
    Skipped,
}

/// <summary>
/// One message (of one or more parts) owed to one recipient, written in the same transaction as whatever produced it
/// (a conversation step, a decision, a broadcast) and sent afterwards by the channel's sender, with its retries and
/// rate limits. Messages to the same recipient are sent in id order.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    public Channel Channel { get; set; }

    /// <summary>
    /// The channel's address: a Telegram chat id, a Messenger PSID, a web chat session; for a public post, the Telegram
    /// channel (<c>@name</c> or its id) or the Facebook Page id.
    /// </summary>
    public string Recipient { get; set; } = "";

    /// <summary>A post to the hromada's Telegram channel or Facebook Page feed rather than to a person's chat.</summary>
    public bool IsPublicPost { get; set; }

    public OutboxPurpose Purpose { get; set; }

    /// <summary>The messages, as a JSON array of <see cref="Conversation.OutboundMessage"/> (see <see cref="OutboxPayload"/>).</summary>
    public string Payload { get; set; } = "";

    public int? ResidentId { get; set; }

    /// <summary>Set for a new resident's first reply, whose id is known only when both are saved.</summary>
    public Residents.Resident? Resident { get; set; }

    /// <summary>The inbox item this replies to.</summary>
    public long? InboxItemId { get; set; }

    /// <summary>The proposal a notice is about (its author sees the notice's state in the proposal's details).</summary>
    public int? ProposalId { get; set; }

    /// <summary>The announcement this is one recipient's copy of (the delivery report groups by it).</summary>
    public long? AnnouncementId { get; set; }

    public OutboxStatus Status { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Not sent before this moment: a retry's backoff, a platform's retry_after, a scheduled send.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>The instance sending it now, until <see cref="LeaseUntil"/>; an expired lease is taken over.</summary>
    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    /// <summary>When it left the outbox: sent, given up, blocked or skipped.</summary>
    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary>The last error, or why it is held, skipped or failed — shown in reports, never to residents.</summary>
    public string? LastError { get; set; }

    /// <summary>Channel data for the reply (e.g. the Telegram callback to answer), opaque to Core.</summary>
    public string? ReplyContext { get; set; }

    /// <summary>Parts of <see cref="Payload"/> already delivered: a retry goes on from the next one.</summary>
    public int PartsSent { get; set; }

    /// <summary>Deleted instead of kept once it has left (the last message to a resident who erased their data).</summary>
    public bool EraseOnCompletion { get; set; }

    /// <summary>
    /// The language the message is written in (the resident's, a culture name), which the sender renders its buttons
    /// in; null: the hromada's default culture. Written with the message, so no sender looks the resident up for it.
    /// </summary>
    public string? Language { get; set; }
}
