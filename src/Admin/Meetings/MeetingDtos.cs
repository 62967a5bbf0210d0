using Hromada.Core.Meetings;
using Hromada.Core.Proposals;

namespace Hromada.Admin.Meetings;

/// <summary>A meeting as the secretary records it. Lists are one person per entry; <c>startsAt</c> is HH:mm.</summary>
public sealed record MeetingInput(
    int? Consultation, string? Number, DateOnly? Date, string? StartsAt, string? Place, string? Chair, string? Secretary,
    IReadOnlyList<string>? Present, IReadOnlyList<string>? Absent, IReadOnlyList<string>? Invited,
    IReadOnlyList<MeetingItemInput>? Items, SufficiencyInput? Sufficiency, int? Version = null);

/// <summary>An agenda item; an item without a title is left out. The votes may not add up to more than the members present.</summary>
public sealed record MeetingItemInput(
    MeetingItemKind? Kind, string? Title, string? Heard, string? Decision, int? VotesFor, int? VotesAgainst, int? VotesAbstained);

/// <summary>
/// The sufficiency question: enough, or extend (then the reasons for low activity are required, and
/// <see cref="NewDeadline"/> extends collection at this meeting, carrying the reasons and the measures).
/// </summary>
public sealed record SufficiencyInput(
    SufficiencyDecision? Decision, string? LowActivityReasons, IReadOnlyList<string>? Measures, string? OtherMeasures, DateTimeOffset? NewDeadline);

public sealed record VoteDto(int? For, int? Against, int? Abstained);

public sealed record MeetingItemDto(int Number, MeetingItemKind Kind, string Title, string? Heard, string? Decision, VoteDto Vote);

public sealed record QuorumDto(int Present, int Members, bool HasQuorum);

public sealed record MeasureDto(string Code, string Label);

public sealed record MeetingExtensionDto(DateTimeOffset PreviousDeadline, DateTimeOffset NewDeadline, string Reason);

public sealed record SufficiencyDto(
    SufficiencyDecision? Decision, string? LowActivityReasons, IReadOnlyList<MeasureDto> Measures, string? OtherMeasures, MeetingExtensionDto? Extension);

/// <summary>A proposal decided at the meeting (its decision carries the meeting's protocol number and date).</summary>
public sealed record DecidedProposalDto(string Reference, string Text, DecisionOutcome Outcome, string Justification);

public sealed record MeetingDto(
    int Id, int Consultation, string Number, DateOnly Date, string? StartsAt, string Place, string Chair, string Secretary,
    IReadOnlyList<string> Present, IReadOnlyList<string> Absent, IReadOnlyList<string> Invited, QuorumDto Quorum,
    IReadOnlyList<MeetingItemDto> Items, SufficiencyDto Sufficiency, IReadOnlyList<DecidedProposalDto> Decided,
    int Version, DateTimeOffset CreatedAt, string CreatedBy);

/// <summary>A meeting in the list.</summary>
public sealed record MeetingSummaryDto(int Id, int Consultation, string Number, DateOnly Date, QuorumDto Quorum, SufficiencyDecision? Sufficiency, int Decided);

internal static class MeetingMapping
{
    public static QuorumDto Quorum(Meeting m) => new(m.Present.Count, m.Present.Count + m.Absent.Count, m.HasQuorum);
}
