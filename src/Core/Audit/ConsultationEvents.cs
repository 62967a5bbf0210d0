using Hromada.Core.Meetings;
using Hromada.Core.Proposals;

namespace Hromada.Core.Audit;

/// <summary>A consultation's title and period.</summary>
public sealed record ConsultationState(string Title, DateTimeOffset OpensAt, DateTimeOffset Deadline);

/// <summary>A consultation was created.</summary>
public sealed record ConsultationCreated(ConsultationState After) : AuditChange<ConsultationState, ConsultationState>(null, After)
{
    public override string EntityType => "Consultation";

    public override string Kind => "consultation.created";

    public override string Action => "Created";
}

/// <summary>A consultation's title or period was edited.</summary>
public sealed record ConsultationEdited(ConsultationState? Before, ConsultationState After) : AuditChange<ConsultationState, ConsultationState>(Before, After)
{
    public override string EntityType => "Consultation";

    public override string Kind => "consultation.edited";

    public override string Action => "Edited";
}

/// <summary>A consultation's deadline before an extension.</summary>
public sealed record DeadlineState(DateTimeOffset Deadline);

/// <summary>The new deadline and the working group's decision that set it.</summary>
public sealed record ExtensionState(DateTimeOffset Deadline, string Reason, string ProtocolNumber, DateOnly ProtocolDate);

/// <summary>A consultation's deadline was extended.</summary>
public sealed record ConsultationExtended(DeadlineState? Before, ExtensionState After) : AuditChange<DeadlineState, ExtensionState>(Before, After)
{
    public override string EntityType => "Consultation";

    public override string Kind => "consultation.extended";

    public override string Action => "Extended";
}

/// <summary>When a consultation stopped accepting proposals (null: it accepts them).</summary>
public sealed record ClosureState(DateTimeOffset? ClosedAt);

/// <summary>A consultation stopped accepting proposals, or accepts them again.</summary>
public sealed record ConsultationClosure(ClosureState? Before, ClosureState After) : AuditChange<ClosureState, ClosureState>(Before, After)
{
    public override string EntityType => "Consultation";

    public override string Kind => "consultation.closure";

    public override string Action => After.ClosedAt is null ? "Reopened" : "Closed";
}

/// <summary>Whether a consultation's results page and open data are public.</summary>
public sealed record PublicationState(bool ResultsPublic);

/// <summary>A consultation's results were published or withdrawn.</summary>
public sealed record ResultsPublication(PublicationState? Before, PublicationState After) : AuditChange<PublicationState, PublicationState>(Before, After)
{
    public override string EntityType => "Consultation";

    public override string Kind => "consultation.results-publication";

    public override string Action => After.ResultsPublic ? "Results published" : "Results withdrawn";
}

/// <summary>The interim report's link was sent to the review bodies; the entry says who and when, nothing more.</summary>
public sealed record InterimReportSent : AuditEvent
{
    public override string EntityType => "Consultation";

    public override string Kind => "consultation.interim-report-sent";

    public override string Action => "Interim report sent to review bodies";

    public override object? BeforeBody => null;

    public override object? AfterBody => null;
}

/// <summary>An answer template of a consultation.</summary>
public sealed record TemplateState(int ConsultationId, string Title, DecisionOutcome? Outcome, string Text);

/// <summary>An answer template was added.</summary>
public sealed record AnswerTemplateCreated(TemplateState After) : AuditChange<TemplateState, TemplateState>(null, After)
{
    public override string EntityType => "AnswerTemplate";

    public override string Kind => "answer-template.created";

    public override string Action => "Created";
}

/// <summary>An answer template was edited.</summary>
public sealed record AnswerTemplateEdited(TemplateState? Before, TemplateState After) : AuditChange<TemplateState, TemplateState>(Before, After)
{
    public override string EntityType => "AnswerTemplate";

    public override string Kind => "answer-template.edited";

    public override string Action => "Edited";
}

/// <summary>An answer template was removed: the entry keeps what it was (there is nothing after).</summary>
public sealed record AnswerTemplateRemoved(TemplateState Before) : AuditEvent
{
    public override string EntityType => "AnswerTemplate";

    public override string Kind => "answer-template.removed";

    public override string Action => "Removed";

    public override object? BeforeBody => Before;

    public override object? AfterBody => null;
}

/// <summary>An item of a meeting's agenda and its vote.</summary>
public sealed record MeetingItemState(int Number, string Title, int? VotesFor, int? VotesAgainst, int? VotesAbstained);

/// <summary>A meeting of the working group as its protocol records it (members counted, not named).</summary>
public sealed record MeetingState(
    string Number, DateOnly Date, TimeOnly? StartsAt, string Place, string Chair, string Secretary, int Present, int Absent, bool HasQuorum,
    IReadOnlyList<MeetingItemState> Items, SufficiencyDecision? Sufficiency, string? LowActivityReasons, string MeasureCodes, string? OtherMeasures)
{
    public static MeetingState Of(Meeting m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.Number, m.Date, m.StartsAt, m.Place, m.Chair, m.Secretary, m.Present.Count, m.Absent.Count, m.HasQuorum,
            m.Items.Select(i => new MeetingItemState(i.Number, i.Title, i.VotesFor, i.VotesAgainst, i.VotesAbstained)).ToList(),
            m.Sufficiency, m.LowActivityReasons, m.MeasureCodes, m.OtherMeasures);
    }
}

/// <summary>A meeting was recorded.</summary>
public sealed record MeetingRecorded(MeetingState After) : AuditChange<MeetingState, MeetingState>(null, After)
{
    public override string EntityType => "Meeting";

    public override string Kind => "meeting.recorded";

    public override string Action => "Recorded";
}

/// <summary>A recorded meeting was changed.</summary>
public sealed record MeetingChanged(MeetingState? Before, MeetingState After) : AuditChange<MeetingState, MeetingState>(Before, After)
{
    public override string EntityType => "Meeting";

    public override string Kind => "meeting.changed";

    public override string Action => "Changed";
}
