namespace Hromada.Core.Consultations;

/// <summary>Консультація / збір пропозицій: the period in which proposals to one programme are collected.</summary>
public sealed class Consultation
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public DateTimeOffset OpensAt { get; set; }
    public DateTimeOffset Deadline { get; set; }

    /// <summary>Set when the working group closed collection early or after the deadline.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The working group has switched on the public results page (<c>/results</c>) and open data; off by default.</summary>
    public bool ResultsPublic { get; set; }

    public int Version { get; set; }
    public List<ConsultationExtension> Extensions { get; set; } = [];

    /// <summary>True when proposals are being accepted at <paramref name="now"/> (on time or late).</summary>
    public bool IsAccepting(DateTimeOffset now) => ClosedAt is null && now >= OpensAt;

    /// <summary>A proposal received at <paramref name="receivedAt"/> is late after the deadline.</summary>
    public bool IsLate(DateTimeOffset receivedAt) => receivedAt > Deadline;
}

/// <summary>A deadline extension with the decision that made it; kept as history.</summary>
public sealed class ConsultationExtension
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public DateTimeOffset PreviousDeadline { get; set; }
    public DateTimeOffset NewDeadline { get; set; }
    public string Reason { get; set; } = "";
    public string ProtocolNumber { get; set; } = "";
    public DateOnly ProtocolDate { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>The meeting of the working group that decided it, when it was recorded as one (its reasons and measures).</summary>
    public int? MeetingId { get; set; }
}
