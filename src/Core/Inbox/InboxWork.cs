using Hromada.Core.Proposals;

namespace Hromada.Core.Inbox;

/// <summary>One stored inbox item waiting to be handled; <see cref="Parsed"/> is set when it was just received here.</summary>
public sealed class InboxWork(long itemId, Channel channel, string senderKey)
{
    public long ItemId { get; } = itemId;
    public Channel Channel { get; } = channel;
    public string SenderKey { get; } = senderKey;
    public string Key => $"{Channel}:{SenderKey}";
    public Inbound? Parsed { get; init; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }

    /// <summary>Completed when the item has been handled (or set aside), for a caller that answers in the same request.</summary>
    public TaskCompletionSource? Handled { get; set; }
}
