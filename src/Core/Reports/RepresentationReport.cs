using Hromada.Core.Proposals;

namespace Hromada.Core.Reports;

/// <summary>Proposals and the distinct people who made them.</summary>
public sealed record Tally(int Proposals, int Authors)
{
    public static readonly Tally Zero = new(0, 0);
}

/// <summary>One catalog entry (or channel) with its proposals and authors; listed even at zero.</summary>
public sealed record CodeTally(string Code, string Label, int Proposals, int Authors);

/// <summary>One settlement: by where the authors live and by the settlement the proposals concern.</summary>
public sealed record SettlementTally(string Code, string Label, string District, Tally ByResidence, Tally Concerned);

/// <summary>One starosta district: by where the authors live and by the settlement the proposals concern.</summary>
public sealed record DistrictTally(string Code, string Label, Tally ByResidence, Tally Concerned);

public sealed record TopicTally(string Code, string Label, int Proposals);

/// <summary>Decisions: врахувати, врахувати частково, не враховувати, and proposals still without a decision.</summary>
public sealed record OutcomeTally(int Accepted, int PartiallyAccepted, int Rejected, int Undecided)
{
    public int Count(DecisionOutcome? outcome) => outcome switch
    {
        DecisionOutcome.Accepted => Accepted,
        DecisionOutcome.PartiallyAccepted => PartiallyAccepted,
        DecisionOutcome.Rejected => Rejected,
        _ => Undecided,
    };
}

/// <summary>One sphere: proposals, authors, its most frequent topics and the decisions taken on it.</summary>
public sealed record SphereTally(
    string Code, string Label, int Proposals, int Authors, IReadOnlyList<TopicTally> TopTopics, int WithoutTopic, OutcomeTally Outcomes);

public sealed record ReportConsultation(int Id, string Title, DateOnly Opens, DateOnly Deadline, DateOnly? Closed);

/// <summary>The whole consultation, or only proposals received from/to these local dates.</summary>
public sealed record ReportPeriod(DateOnly? From, DateOnly? To);

public sealed record ReportTotals(int Proposals, int Authors, int Late, int Unidentified, int Decided, int OffTopic, int Duplicates);

/// <summary>
/// The figures the protocol's statistics paragraph asks for: individuals (author categories the questionnaire asks
/// social groups of) and legal entities (every other category), businesses (categories that ask the kind of business),
/// social networks (Telegram, Messenger), the web form (web chat, Google Form) and the other channels.
/// </summary>
public sealed record ProtocolFigures(
    Tally Individuals, Tally LegalEntities, Tally Businesses, Tally SocialNetworks, Tally WebForm, Tally OtherChannels);

/// <summary>Who took part and who did not: the working group's first judgement on whether the proposals are representative.</summary>
public sealed record RepresentationReport(
    ReportConsultation Consultation,
    ReportPeriod Period,
    DateTimeOffset GeneratedAt,
    string AuthorCounting,
    ReportTotals Totals,
    ProtocolFigures Protocol,
    IReadOnlyList<CodeTally> ByChannel,
    IReadOnlyList<CodeTally> ByAuthorCategory,
    IReadOnlyList<CodeTally> BySocialGroup,
    IReadOnlyList<CodeTally> ByBusinessKind,
    IReadOnlyList<DistrictTally> ByDistrict,
    IReadOnlyList<SettlementTally> BySettlement,
    Tally ResidenceUnknown,
    Tally ConcernsWholeHromada,
    Tally ConcernsUnlistedSettlement,
    IReadOnlyList<SphereTally> BySphere,
    OutcomeTally Outcomes,
    string Statistics,
    IReadOnlyList<string> Gaps);
