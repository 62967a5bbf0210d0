using Hromada.Core.Consultations;

namespace Hromada.Core.Meetings;

/// <summary>What the working group decided about whether the proposals received are enough and representative.</summary>
public enum SufficiencyDecision
{
    /// <summary>Enough and representative: the proposals go on to be considered.</summary>
    Sufficient,

    /// <summary>Not enough: collection is extended, with the reasons for low activity and the measures to reach more people.</summary>
    Extend,
}

/// <summary>What an agenda item is about; the protocol fills in what the service knows for the two the procedure fixes.</summary>
public enum MeetingItemKind
{
    /// <summary>Any question the secretary puts on the agenda.</summary>
    General,

    /// <summary>Whether the proposals are sufficient and representative: the protocol adds the statistics paragraph and the gaps.</summary>
    Sufficiency,

    /// <summary>The decisions on proposals: the protocol adds the list of proposals decided at this meeting.</summary>
    Decisions,
}

/// <summary>
/// Засідання робочої групи: the protocol's number and date, place and time, who was present, absent and invited, the
/// agenda with what was heard, decided and voted, and the sufficiency decision with its reasons and measures.
/// Decisions on proposals carry the protocol's number and date and are matched to the meeting by them.
/// </summary>
public sealed class Meeting
{
    public int Id { get; set; }
    public int ConsultationId { get; set; }
    public Consultation? Consultation { get; set; }

    /// <summary>The protocol's number, as decisions on proposals carry it.</summary>
    public string Number { get; set; } = "";

    public DateOnly Date { get; set; }
    public TimeOnly? StartsAt { get; set; }
    public string Place { get; set; } = "";
    public string Chair { get; set; } = "";
    public string Secretary { get; set; } = "";

    /// <summary>Members present, absent, and invited persons: one per line, as the protocol lists them.</summary>
    public string MembersPresent { get; set; } = "";
    public string MembersAbsent { get; set; } = "";
    public string Invited { get; set; } = "";

    public List<MeetingItem> Items { get; set; } = [];

    public SufficiencyDecision? Sufficiency { get; set; }
    public string? LowActivityReasons { get; set; }

    /// <summary>Comma-separated codes of the measures chosen (<c>Hromada:WorkingGroup:Measures</c>).</summary>
    public string MeasureCodes { get; set; } = "";
    public string? OtherMeasures { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Version { get; set; }

    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public IReadOnlyList<string> Present => Lines(MembersPresent);
    public IReadOnlyList<string> Absent => Lines(MembersAbsent);
    public IReadOnlyList<string> InvitedPersons => Lines(Invited);
    public IReadOnlyList<string> Measures => MeasureCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The meeting may decide when more than half of the members are present.</summary>
    public static bool Quorate(int present, int members) => members > 0 && present * 2 > members;

    public bool HasQuorum => Quorate(Present.Count, Present.Count + Absent.Count);
}

/// <summary>One question of the agenda: what was heard, what was decided, and the vote.</summary>
public sealed class MeetingItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }

    /// <summary>Its place on the agenda, from 1.</summary>
    public int Number { get; set; }

    public MeetingItemKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Heard { get; set; }
    public string? Decision { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstained { get; set; }
}
