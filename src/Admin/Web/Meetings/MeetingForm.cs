using Hromada.Admin.Meetings;
using Hromada.Core.Community;
using Hromada.Core.Meetings;

namespace Hromada.Admin.Web.Meetings;

/// <summary>The meeting form: people as one per line, the agenda as rows (a row without a question is left out).</summary>
public sealed class MeetingForm
{
    /// <summary>Empty rows offered after the agenda's own, for new questions.</summary>
    public const int SpareItems = 2;

    public int? Consultation { get; set; }
    public string? Number { get; set; }
    public DateOnly? Date { get; set; }
    public string? StartsAt { get; set; }
    public string? Place { get; set; }
    public string? Chair { get; set; }
    public string? Secretary { get; set; }
    public string? Present { get; set; }
    public string? Absent { get; set; }
    public string? Invited { get; set; }
    public List<ItemForm> Items { get; set; } = [];
    public SufficiencyDecision? Sufficiency { get; set; }
    public string? LowActivityReasons { get; set; }
    public List<string> Measures { get; set; } = [];
    public string? OtherMeasures { get; set; }
    public DateTime? NewDeadline { get; set; }
    public int? Version { get; set; }

    /// <summary>How the API's field names map to this form's (the rest are <see cref="WebForms.FormName"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> ErrorNames = new Dictionary<string, string>
    {
        ["sufficiency.decision"] = nameof(Sufficiency),
        ["sufficiency.lowActivityReasons"] = nameof(LowActivityReasons),
        ["sufficiency.measures"] = nameof(Measures),
        ["sufficiency.otherMeasures"] = nameof(OtherMeasures),
        ["sufficiency.newDeadline"] = nameof(NewDeadline),
    };

    public MeetingInput ToInput(CommunityClock clock) => new(
        Consultation, Number, Date, StartsAt, Place, Chair, Secretary, Lines(Present), Lines(Absent), Lines(Invited),
        Items.Select(i => new MeetingItemInput(i.Kind, i.Title, i.Heard, i.Decision, i.VotesFor, i.VotesAgainst, i.VotesAbstained)).ToList(),
        new SufficiencyInput(Sufficiency, LowActivityReasons, Measures, OtherMeasures, clock.FromLocal(NewDeadline)),
        Version);

    public static MeetingForm From(MeetingInput m) => new()
    {
        Consultation = m.Consultation, Number = m.Number, Date = m.Date, StartsAt = m.StartsAt, Place = m.Place, Chair = m.Chair, Secretary = m.Secretary,
        Present = Join(m.Present), Absent = Join(m.Absent), Invited = Join(m.Invited),
        Items = (m.Items ?? []).Select(i => new ItemForm
        {
            Kind = i.Kind ?? MeetingItemKind.General, Title = i.Title, Heard = i.Heard, Decision = i.Decision,
            VotesFor = i.VotesFor, VotesAgainst = i.VotesAgainst, VotesAbstained = i.VotesAbstained,
        }).ToList(),
        Version = m.Version,
    };

    public static MeetingForm From(MeetingDto m) => new()
    {
        Consultation = m.Consultation, Number = m.Number, Date = m.Date, StartsAt = m.StartsAt, Place = m.Place, Chair = m.Chair, Secretary = m.Secretary,
        Present = Join(m.Present), Absent = Join(m.Absent), Invited = Join(m.Invited),
        Items = m.Items.Select(i => new ItemForm
        {
            Kind = i.Kind, Title = i.Title, Heard = i.Heard, Decision = i.Decision,
            VotesFor = i.Vote.For, VotesAgainst = i.Vote.Against, VotesAbstained = i.Vote.Abstained,
        }).ToList(),
        Sufficiency = m.Sufficiency.Decision,
        LowActivityReasons = m.Sufficiency.LowActivityReasons,
        Measures = m.Sufficiency.Measures.Select(x => x.Code).ToList(),
        OtherMeasures = m.Sufficiency.OtherMeasures,
        Version = m.Version,
    };

    /// <summary>The agenda rows to show: the meeting's, then <see cref="SpareItems"/> empty ones.</summary>
    public void AddSpareRows()
    {
        Items = Items.Where(i => !string.IsNullOrWhiteSpace(i.Title) || !string.IsNullOrWhiteSpace(i.Heard) || !string.IsNullOrWhiteSpace(i.Decision)).ToList();
        for (var i = 0; i < SpareItems; i++)
        {
            Items.Add(new ItemForm());
        }
    }

    private static List<string> Lines(string? text) => Meeting.Lines(text?.Replace("\r", "", StringComparison.Ordinal)).ToList();

    private static string Join(IReadOnlyList<string>? people) => string.Join('\n', people ?? []);
}

public sealed class ItemForm
{
    public MeetingItemKind Kind { get; set; }
    public string? Title { get; set; }
    public string? Heard { get; set; }
    public string? Decision { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstained { get; set; }
}
