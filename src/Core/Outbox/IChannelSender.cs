using Hromada.Core.Conversation;
using Hromada.Core.Proposals;

namespace Hromada.Core.Outbox;

/// <summary>
/// The outbound half of a channel adapter: renders and sends one outbox message through the platform, and says how
/// it went. It does not retry and does not wait out a platform's retry_after — the dispatcher does, per recipient.
/// </summary>
public interface IChannelSender
{
    Channel Channel { get; }

    /// <summary>How fast pushes (notices, announcements) may go; replies to a resident's message are not held back.</summary>
    PushLimits PushLimits { get; }

    Task<SendResult> SendAsync(OutboxDelivery delivery, CancellationToken ct);
}

/// <summary>At most <see cref="PerSecond"/> pushes a second in all, and at least <see cref="PerRecipientInterval"/> between two to one recipient.</summary>
public sealed record PushLimits(double PerSecond, TimeSpan PerRecipientInterval);

/// <summary>
/// One outbox message to send, from <see cref="PartsSent"/> on; <see cref="Language"/> is the culture its texts are
/// written in (the sender renders its own words, such as buttons, in it; null: the hromada's default culture).
/// </summary>
public sealed record OutboxDelivery(
    long Id,
    Channel Channel,
    string Recipient,
    bool IsPublicPost,
    OutboxPurpose Purpose,
    IReadOnlyList<OutboundMessage> Messages,
    string? ReplyContext,
    int PartsSent,
    int? ResidentId,
    string? Language = null);

/// <summary>How a send went.</summary>
public enum SendStatus
{
    Sent,

    /// <summary>A failure that may pass (5xx, network, timeout): retried with backoff, given up after the configured attempts.</summary>
    Failed,

    /// <summary>The platform asked to wait (HTTP 429, throttling codes): retried after <see cref="SendResult.RetryAfter"/>; not an attempt.</summary>
    Throttled,

    /// <summary>Not allowed now (Messenger's 24-hour window): held for the reply to the resident's next message.</summary>
    OutsideWindow,

    /// <summary>The resident blocked the bot or the chat is gone: not retried; the resident is marked and unsubscribed.</summary>
    Blocked,

    /// <summary>Refused for good (a malformed request, an unknown chat): not retried.</summary>
    Refused,
}

/// <summary>The result of one send; <see cref="PartsSent"/> counts parts delivered before a failure.</summary>
public readonly record struct SendResult(SendStatus Status, string? Error = null, TimeSpan RetryAfter = default, int PartsSent = 0)
{
    /// <summary>For <see cref="SendStatus.Throttled"/>: the whole channel's pushes pause, not only this recipient (a global limit).</summary>
    public bool PausesChannel { get; init; }

    public static SendResult Sent(int parts) => new(SendStatus.Sent, PartsSent: parts);
}
