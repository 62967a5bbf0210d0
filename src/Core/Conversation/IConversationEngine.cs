namespace Hromada.Core.Conversation;

/// <summary>
/// The channel-agnostic questionnaire: takes a resident's inbound message, moves their persisted state on and
/// returns what to send back. In one commit it stores the new state, the processed mark, the reply in the outbox
/// (to the sender, with <see cref="InboundMessage.ReplyContext"/>) and, when the message came from the inbox, the
/// item's "done" mark — then hands the reply to the senders. Safe to call from any instance; a message id seen before
/// gets an empty reply marked <see cref="ConversationReply.IsDuplicate"/>.
/// </summary>
public interface IConversationEngine
{
    Task<ConversationReply> HandleAsync(InboundMessage message, CancellationToken ct = default);

    /// <summary>
    /// For a resident who comes back without saying anything (a reloaded web chat): notices waiting for them,
    /// then the current question again (or the greeting for a new resident). Changes no answer.
    /// </summary>
    Task<ConversationReply> ResumeAsync(Proposals.Channel channel, string channelUserId, CancellationToken ct = default);
}

/// <summary>What to send back for one inbound message, in order.</summary>
public sealed record ConversationReply(IReadOnlyList<OutboundMessage> Messages)
{
    /// <summary>True when the inbound message was a redelivery and nothing was done.</summary>
    public bool IsDuplicate { get; init; }

    public static ConversationReply Duplicate { get; } = new([]) { IsDuplicate = true };
}
