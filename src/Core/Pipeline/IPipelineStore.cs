using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;

namespace Hromada.Core.Pipeline;

/// <summary>
/// The storage the message pipeline needs, in one place per database engine (<c>Pipeline/Sqlite</c> now): storing
/// inbound payloads, reading a turn's state, the group commit of many residents' turns, the claim on a sender's
/// messages, an inbox item's retry or setting aside, the claim on outbox messages and the results of their sends.
/// Scoped: one per unit of work.
/// </summary>
public interface IPipelineStore
{
    /// <summary>The resident as stored (null if never stored) and the messages held for them.</summary>
    Task<TurnState> LoadTurnAsync(Channel channel, string sender, CancellationToken ct);

    /// <summary>
    /// What each of <paramref name="keys"/>' turns starts from, in the same order: many residents read on one open
    /// connection (<see cref="Inbox.TurnLoader"/> gathers them).
    /// </summary>
    Task<IReadOnlyList<TurnState>> LoadTurnsAsync(IReadOnlyList<TurnKey> keys, CancellationToken ct);

    /// <summary>
    /// Writes every turn of <paramref name="turns"/> in one transaction: each one's done-mark (or processed mark), new
    /// state, effects and reply. A turn that fails is undone alone (its result says why); the others commit.
    /// </summary>
    Task<IReadOnlyList<TurnCommitResult>> CommitTurnsAsync(IReadOnlyList<TurnCommit> turns, CancellationToken ct);

    /// <summary>Takes or renews the claim on <paramref name="key"/> for <paramref name="owner"/>; false when another owner holds it.</summary>
    Task<bool> HoldSenderAsync(string key, string owner, DateTimeOffset now, DateTimeOffset expires, CancellationToken ct);

    /// <summary>Records a failed attempt at an inbox item and when to try again.</summary>
    Task ScheduleRetryAsync(long itemId, int attempts, DateTimeOffset at, string lastError, CancellationToken ct);

    /// <summary>Sets an inbox item aside with its reason: never retried, holds nothing up.</summary>
    Task SetAsideAsync(long itemId, int attempts, string reason, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Stores inbound payloads, all in one transaction, received at <paramref name="now"/>: for each one its new inbox
    /// id, in the same order, or null when the same (channel, external id) was stored before.
    /// </summary>
    Task<IReadOnlyList<long?>> StoreInboxAsync(IReadOnlyList<InboxInsert> items, DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Leases to <see cref="OutboxClaim.Owner"/> the pending outbox messages due at <see cref="OutboxClaim.Now"/> that
    /// no one else holds, at most one per recipient (the oldest: one recipient's messages go in order), oldest first.
    /// </summary>
    Task<IReadOnlyList<OutboxWork>> ClaimOutboxAsync(OutboxClaim claim, CancellationToken ct);

    /// <summary>Records the results of sends, all in one transaction.</summary>
    Task WriteSendResultsAsync(IReadOnlyList<OutboxUpdate> updates, CancellationToken ct);
}

/// <summary>One inbound payload to store.</summary>
public sealed record InboxInsert(Channel Channel, string ExternalId, string SenderKey, string Payload);

/// <summary>
/// A claim on outbox messages: of these channels and purposes, at most <paramref name="Limit"/>, leased until
/// <paramref name="LeaseUntil"/>; with <paramref name="ReclaimOwn"/> (the first claim after a start) also the ones
/// this owner still holds from before.
/// </summary>
public sealed record OutboxClaim(
    string Owner, IReadOnlyList<Channel> Channels, IReadOnlyList<OutboxPurpose> Purposes, int Limit, DateTimeOffset Now,
    DateTimeOffset LeaseUntil, bool ReclaimOwn);

/// <summary>Whose turn: a resident by channel and the channel's id for them.</summary>
public readonly record struct TurnKey(Channel Channel, string Sender);

/// <summary>What a turn starts from.</summary>
public sealed record TurnState(Resident? Resident, IReadOnlyList<HeldMessage> Held);

/// <summary>One decided turn to commit.</summary>
public sealed record TurnCommit(InboundMessage Message, TurnDecision Decision, DateTimeOffset Now)
{
    /// <summary>The stored resident's id the decision started from (null for a new resident).</summary>
    public int? ResidentId { get; init; }

    /// <summary>The instance that will send the reply, and until when the row is its own (null: claimed later by any).</summary>
    public string? ReplyLeaseOwner { get; init; }

    public DateTimeOffset? ReplyLeaseUntil { get; init; }
}

/// <summary>How a turn's commit went.</summary>
public enum TurnCommitStatus
{
    Committed,

    /// <summary>The message was handled before (its done-mark or processed mark is there): nothing was written.</summary>
    Duplicate,

    /// <summary>The resident changed meanwhile (stored by another handler, or erased): decide again on the stored state.</summary>
    Conflict,

    /// <summary>Writing it failed; undone alone, see <see cref="TurnCommitResult.Error"/>.</summary>
    Failed,
}

/// <summary>The result of one turn's commit: the replies as sent (reference numbers filled in) and the reply's outbox row.</summary>
public sealed record TurnCommitResult(TurnCommitStatus Status, IReadOnlyList<OutboundMessage> Replies)
{
    public Exception? Error { get; init; }

    public OutboxMessage? Reply { get; init; }

    public static TurnCommitResult Duplicate { get; } = new(TurnCommitStatus.Duplicate, []);

    public static TurnCommitResult Conflict { get; } = new(TurnCommitStatus.Conflict, []);

    public static TurnCommitResult Failed(Exception error) => new(TurnCommitStatus.Failed, []) { Error = error };
}
