using Hromada.Core.Proposals;

namespace Hromada.Admin.Web.Proposals;

/// <summary>
/// The forms of a proposal's page. Each carries the version of the proposal the user read (a change by someone else
/// in between is shown, not overwritten) and how many history entries the user saw (to show what changed).
/// </summary>
public abstract class ProposalForm
{
    public int? Version { get; set; }
    public int Seen { get; set; }
}

public sealed class ClassifyForm : ProposalForm
{
    public string? Sphere { get; set; }
    public string? Topic { get; set; }
    public string? Settlement { get; set; }
    public string? Reason { get; set; }
}

public sealed class FlagsForm : ProposalForm
{
    public bool Late { get; set; }
    public bool Unidentified { get; set; }
    public bool OffTopic { get; set; }
    public string? DuplicateOf { get; set; }
    public string? Reason { get; set; }
}

public sealed class RouteForm : ProposalForm
{
    public List<string> ReviewBodies { get; set; } = [];
    public DateOnly? DueDate { get; set; }
}

public sealed class PositionForm : ProposalForm
{
    public string? ReviewBody { get; set; }
    public ReviewStance? Stance { get; set; }
    public string? Justification { get; set; }
}

public sealed class DecisionForm : ProposalForm
{
    public DecisionOutcome? Outcome { get; set; }
    public string? Justification { get; set; }
    public string? ProtocolNumber { get; set; }
    public DateOnly? ProtocolDate { get; set; }
    public int? Template { get; set; }

    /// <summary>The recorded meeting the decision was taken at (its protocol number and date are used).</summary>
    public int? Meeting { get; set; }
}

/// <summary>Hide the text from the public results (with the reason shown instead), or show it again.</summary>
public sealed class PublicTextForm : ProposalForm
{
    public bool Hidden { get; set; }
    public string? Reason { get; set; }
}
