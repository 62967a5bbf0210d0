using Hromada.Core.Proposals;

namespace Hromada.Core.Audit;

/// <summary>How and when a proposal came in, with the flags it was given then.</summary>
public sealed record ReceiptState(Channel Channel, DateTimeOffset ReceivedAt, bool IsLate, bool IsUnidentified);

/// <summary>A proposal was received (from the chat, the intake form or an import); there is nothing before it.</summary>
public sealed record ProposalReceived(ReceiptState After) : ProposalEvent<ReceiptState, ReceiptState>(null, After)
{
    /// <summary>The stored kind, also written by the submission turn's own INSERT.</summary>
    public const string Name = "proposal.received";

    /// <summary>The action, also written by the submission turn's own INSERT.</summary>
    public const string Received = "Received";

    public override string Kind => Name;

    public override string Action => Received;

    /// <summary>The event of a proposal just stored (the same whichever way it was stored).</summary>
    public static ProposalReceived Of(Proposal p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new(new ReceiptState(p.Channel, p.ReceivedAt, p.IsLate, p.IsUnidentified));
    }
}

/// <summary>A proposal's sphere, topic and settlement (catalog ids); <see cref="Reason"/> only after a change.</summary>
public sealed record ClassificationState(int SphereId, int? TopicId, int? SettlementId, string? UnlistedSettlement, string? Reason = null);

/// <summary>The working group moved a proposal to another sphere, topic or settlement.</summary>
public sealed record ProposalReclassified(ClassificationState? Before, ClassificationState After)
    : ProposalEvent<ClassificationState, ClassificationState>(Before, After)
{
    public override string Kind => "proposal.reclassified";

    public override string Action => "Reclassified";
}

/// <summary>A proposal's flags; <see cref="Reason"/> only after a change.</summary>
public sealed record FlagsState(bool IsLate, bool IsUnidentified, string? DuplicateOfReference, bool IsOffTopic, string? Reason = null);

/// <summary>The working group set or cleared a proposal's flags (late, unidentified, duplicate, off topic).</summary>
public sealed record ProposalFlagsChanged(FlagsState? Before, FlagsState After) : ProposalEvent<FlagsState, FlagsState>(Before, After)
{
    public override string Kind => "proposal.flags-changed";

    public override string Action => "Flags changed";
}

/// <summary>One review body a proposal is routed to (by its catalog code) and the due date of its position.</summary>
public sealed record RouteState(string Body, DateOnly DueDate);

/// <summary>The review bodies a proposal is routed to.</summary>
public sealed record RoutesState(IReadOnlyList<RouteState> Routes);

/// <summary>A proposal was routed to review bodies (or a due date moved).</summary>
public sealed record ProposalRouted(RoutesState? Before, RoutesState After) : ProposalEvent<RoutesState, RoutesState>(Before, After)
{
    public override string Kind => "proposal.routed";

    public override string Action => "Routed";
}

/// <summary>A review body's position on a proposal (the body by its catalog code).</summary>
public sealed record PositionState(string ReviewBody, ReviewStance? Stance, string? PositionJustification);

/// <summary>A review body recorded (or changed) its position.</summary>
public sealed record PositionRecorded(PositionState? Before, PositionState After) : ProposalEvent<PositionState, PositionState>(Before, After)
{
    public override string Kind => "proposal.position-recorded";

    public override string Action => $"Position of {After.ReviewBody}";
}

/// <summary>A proposal's decision as the working group took it.</summary>
public sealed record DecisionState(ProposalStatus Status, DecisionOutcome? Outcome, string? Justification, string? ProtocolNumber, DateOnly? ProtocolDate);

/// <summary>The working group decided on a proposal (or changed its decision).</summary>
public sealed record ProposalDecided(DecisionState? Before, DecisionState After) : ProposalEvent<DecisionState, DecisionState>(Before, After)
{
    public override string Kind => "proposal.decided";

    public override string Action => "Decided";
}

/// <summary>Why a proposal's text is hidden from the public pages (null: shown).</summary>
public sealed record PublicTextState(string? PublicTextHiddenReason);

/// <summary>A proposal's text was hidden from the public pages or shown again.</summary>
public sealed record PublicTextChanged(PublicTextState? Before, PublicTextState After) : ProposalEvent<PublicTextState, PublicTextState>(Before, After)
{
    public override string Kind => "proposal.public-text";

    public override string Action => After.PublicTextHiddenReason is null ? "Text shown on the public pages" : "Text hidden from the public pages";
}

/// <summary>The author fields that were cleared, by name: never their values (the audit trail must not keep what was erased).</summary>
public sealed record ClearedFields(IReadOnlyList<string> Cleared);

/// <summary>
/// A proposal after its author's personal data were erased. <see cref="InChat"/>: the resident asked in the chat
/// (forget); otherwise the working group erased them on the author's request (<see cref="Reason"/>, found <see cref="Via"/>
/// the proposal the author named).
/// </summary>
public sealed record AnonymisedState(DateTimeOffset AnonymisedAt, bool IsUnidentified, bool InChat, string? Reason = null, string? Via = null);

/// <summary>A proposal's author fields were erased; the proposal is kept.</summary>
public sealed record ProposalAnonymised(ClearedFields? Before, AnonymisedState After) : ProposalEvent<ClearedFields, AnonymisedState>(Before, After)
{
    public override string Kind => "proposal.anonymised";

    public override string Action => After.InChat ? "Personal data erased at the author's request" : "Author's personal data erased on request";
}
