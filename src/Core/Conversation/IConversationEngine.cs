using Hromada.Core.Residents;

namespace Hromada.Core.Conversation;

/// <summary>
/// The channel-agnostic questionnaire as a decision: (the resident's state, the inbound message, now) → (the new state,
/// the replies, the effects). It touches no database and commits nothing; the inbox handler commits what it decided,
/// for many residents at once (<see cref="Inbox.TurnCommitter"/>). <see cref="ConversationTurns"/> runs one turn for
/// a caller outside the inbox.
/// </summary>
public interface IConversationEngine
{
    Task<TurnDecision> DecideAsync(TurnInput input, CancellationToken ct = default);

    /// <summary>
    /// For a resident who comes back without saying anything (a reloaded web chat): the current question again (or the
    /// greeting for a resident not stored yet). Changes nothing.
    /// </summary>
    Task<ConversationReply> ResumeAsync(Resident? resident, Proposals.Channel channel, string channelUserId, CancellationToken ct = default);
}

/// <summary>What to send back for one inbound message, in order.</summary>
public sealed record ConversationReply(IReadOnlyList<OutboundMessage> Messages)
{
    /// <summary>True when the inbound message was a redelivery and nothing was done.</summary>
    public bool IsDuplicate { get; init; }

    public static ConversationReply Duplicate { get; } = new([]) { IsDuplicate = true };
}
