using Hromada.Core.Proposals;
using Hromada.Core.Residents;

namespace Hromada.Core.Conversation;

/// <summary>
/// What one turn is decided from: the resident as stored (null for someone not seen before), messages held for them,
/// the inbound message and the moment. The engine reads catalogs from its in-memory snapshot; nothing here is tracked
/// by a database context.
/// </summary>
public sealed record TurnInput(Resident? Resident, InboundMessage Message, DateTimeOffset Now)
{
    /// <summary>Messages held for the resident (outside a messaging window): they go out with this turn's reply.</summary>
    public IReadOnlyList<HeldMessage> Held { get; init; } = [];
}

/// <summary>A message that waited in the outbox for the resident's next message.</summary>
public sealed record HeldMessage(long OutboxId, IReadOnlyList<OutboundMessage> Messages);

/// <summary>
/// What a turn decided: the resident's new state (null when they asked to be forgotten), the replies in order, and the
/// effects the commit carries out in the same transaction.
/// </summary>
public sealed record TurnDecision(Resident? Resident, IReadOnlyList<OutboundMessage> Replies, IReadOnlyList<TurnEffect> Effects)
{
    /// <summary>The resident is not stored yet: the commit inserts them.</summary>
    public bool IsNewResident { get; init; }

    /// <summary>The resident asked to be forgotten (an <see cref="TurnEffect.EraseResident"/> is among the effects).</summary>
    public bool Erases => Effects.Any(e => e is TurnEffect.EraseResident);

    /// <summary>A decision that changes nothing and says <paramref name="replies"/> (a test engine's, an event's).</summary>
    public static TurnDecision Say(IReadOnlyList<OutboundMessage> replies) => new(null, replies, []);
}

/// <summary>Something a turn asks the commit to do besides storing the state and the reply.</summary>
public abstract record TurnEffect
{
    /// <summary>
    /// Stands for the reference number in reply texts until the commit has issued it (a control character, which no
    /// resident's text can carry: inbound text is cleaned of them).
    /// </summary>
    public const string ReferencePlaceholder = "\u001Freference\u001F";

    /// <summary>Stands for the proposal's receipt code (in the receipt link) until the commit has issued it.</summary>
    public const string ReceiptCodePlaceholder = "\u001Freceipt\u001F";

    /// <summary>The reply with the placeholders replaced by the stored proposal's reference and receipt code.</summary>
    public static OutboundMessage Fill(OutboundMessage reply, string reference, string receiptCode)
    {
        string Apply(string text) => text
            .Replace(ReferencePlaceholder, reference, StringComparison.Ordinal)
            .Replace(ReceiptCodePlaceholder, receiptCode, StringComparison.Ordinal);
        return reply with
        {
            Text = Apply(reply.Text),
            Link = reply.Link is { } link ? link with { Url = Apply(link.Url) } : null,
        };
    }

    /// <summary>Receive this proposal: reference number, flags, audit entry and search index.</summary>
    public sealed record Submit(NewProposal Proposal) : TurnEffect;

    /// <summary>Erase the resident: proposals anonymised, their raw messages and the resident record deleted.</summary>
    public sealed record EraseResident : TurnEffect;

    /// <summary>These held messages went out with the reply.</summary>
    public sealed record HandOver(IReadOnlyList<long> OutboxIds) : TurnEffect;
}

/// <summary>
/// The reads a turn may need beyond the resident's own row and the catalogs (the day's proposals, "my proposals"),
/// read-only; a test gives the engine its own.
/// </summary>
internal interface IConversationReads
{
    /// <summary>Consultations accepting proposals now, read from the database (not the cache): a submission must not slip past a closing.</summary>
    Task<IReadOnlyList<Consultations.Consultation>> AcceptingAsync(DateTimeOffset now, CancellationToken ct);

    Task<int> CountProposalsAsync(int residentId, DateTimeOffset? since, CancellationToken ct);

    /// <summary>The resident's latest proposals, newest first.</summary>
    Task<IReadOnlyList<Proposal>> LatestProposalsAsync(int residentId, int count, CancellationToken ct);
}
