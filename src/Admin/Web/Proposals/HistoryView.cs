using System.Globalization;
using System.Text.Json;
using Hromada.Admin.Audit;
using Hromada.Admin.Proposals;
using Hromada.Core.Access;
using Hromada.Core.Announcements;
using Hromada.Core.Audit;
using Hromada.Core.Community;
using Hromada.Core.Meetings;
using Hromada.Core.Proposals;

namespace Hromada.Admin.Web.Proposals;

/// <summary>One field of a history entry as the secretary reads it: its name and its value before and after.</summary>
public sealed record HistoryLine(string Field, string? Before, string? After);

/// <summary>
/// The audit log's before/after (JSON as stored, with ids and enum numbers) turned into lines a person reads:
/// Ukrainian field names, catalog labels for ids, Ukrainian words for statuses, dates in local time.
/// </summary>
public sealed class HistoryView(WebCatalogs.Loaded catalogs, CommunityClock clock)
{
    private const string ProposalEntity = "Proposal";

    /// <summary>
    /// The entry's changes: a typed event from its type, field by field (every kind: proposals, consultations, answer
    /// templates, meetings, announcements, letters, keys, review bodies' contacts, exports); an entry written before the
    /// events were typed from its stored JSON (<see cref="Lines(string?, string?, string)"/>).
    /// </summary>
    public IReadOnlyList<HistoryLine> Lines(AuditDto entry, string entityType = ProposalEntity)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return AuditEvents.Read(entry.Kind, entry.Version, entry.Before, entry.After) switch
        {
            ProposalReceived e => Changes(null, e.After, s =>
            [
                ("канал", ProposalLabels.Channel(s.Channel)),
                ("надійшла", WebText.Local(s.ReceivedAt, clock)),
                ("після строку", ProposalLabels.YesNo(s.IsLate)),
                ("неідентифікована", ProposalLabels.YesNo(s.IsUnidentified)),
            ]),
            ProposalReclassified e => Changes(e.Before, e.After, s =>
            [
                ("сфера", catalogs.Spheres.FirstOrDefault(x => x.Id == s.SphereId)?.Label ?? Id(s.SphereId)),
                ("тема", s.TopicId is { } topic ? catalogs.Topics.FirstOrDefault(x => x.Id == topic)?.Label ?? Id(topic) : "—"),
                ("населений пункт", s.SettlementId is { } place ? catalogs.Settlements.FirstOrDefault(x => x.Id == place)?.DisplayName ?? Id(place) : "—"),
                ("інший населений пункт", s.UnlistedSettlement ?? "—"),
                ("причина", s.Reason),
            ]),
            ProposalFlagsChanged e => Changes(e.Before, e.After, s =>
            [
                ("після строку", ProposalLabels.YesNo(s.IsLate)),
                ("неідентифікована", ProposalLabels.YesNo(s.IsUnidentified)),
                ("дублікат пропозиції", s.DuplicateOfReference ?? "—"),
                ("не за темою", ProposalLabels.YesNo(s.IsOffTopic)),
                ("причина", s.Reason),
            ]),
            ProposalRouted e => [new HistoryLine("органи розгляду", e.Before is null ? null : Routes(e.Before), Routes(e.After))],
            PositionRecorded e => Changes(e.Before, e.After, s =>
            [
                ("позиція", s.Stance is { } stance ? ProposalLabels.Stance(stance) : "—"),
                ("обґрунтування позиції", s.PositionJustification ?? "—"),
            ]),
            ProposalDecided e => Changes(e.Before, e.After, s =>
            [
                ("стан", ProposalLabels.Status(s.Status)),
                ("рішення", s.Outcome is { } outcome ? ProposalLabels.Decided(outcome) : "—"),
                ("обґрунтування", s.Justification ?? "—"),
                ("номер протоколу", s.ProtocolNumber ?? "—"),
                ("дата протоколу", WebText.Date(s.ProtocolDate)),
            ]),
            PublicTextChanged e => Changes(e.Before, e.After, s => [("чому текст приховано на публічній сторінці", s.PublicTextHiddenReason ?? "—")]),
            ProposalAnonymised e =>
            [
                .. e.Before is { Cleared.Count: > 0 } cleared ? [new HistoryLine("стерто поля", null, string.Join(", ", cleared.Cleared))] : Array.Empty<HistoryLine>(),
                new HistoryLine("знеособлено", null, WebText.Local(e.After.AnonymisedAt, clock)),
                .. e.After.Reason is { } reason ? [new HistoryLine("причина", null, reason)] : Array.Empty<HistoryLine>(),
                .. e.After.Via is { } via ? [new HistoryLine("за пропозицією", null, via)] : Array.Empty<HistoryLine>(),
            ],
            { } other => OtherLines(other, entry),
            null => Lines(entry.Before, entry.After, entityType),
        };
    }

    /// <summary>The lines of a typed change of anything but a proposal (the audit trail page shows every kind).</summary>
    private IReadOnlyList<HistoryLine> OtherLines(AuditEvent e, AuditDto entry) => e switch
    {
        ConsultationCreated c => Changes(null, c.After, Consultation),
        ConsultationEdited c => Changes(c.Before, c.After, Consultation),
        ConsultationExtended c =>
        [
            new HistoryLine("кінцевий строк", c.Before is null ? null : WebText.Local(c.Before.Deadline, clock), WebText.Local(c.After.Deadline, clock)),
            new HistoryLine("причина", null, c.After.Reason),
            new HistoryLine("протокол", null, $"№ {c.After.ProtocolNumber} від {WebText.Date(c.After.ProtocolDate)}"),
        ],
        ConsultationClosure c => [new HistoryLine("прийом пропозицій", c.Before is null ? null : Closure(c.Before), Closure(c.After))],
        ResultsPublication r => [new HistoryLine("результати на публічній сторінці", r.Before is null ? null : Published(r.Before), Published(r.After))],
        InterimReportSent => [],
        AnswerTemplateCreated t => Changes(null, t.After, Template),
        AnswerTemplateEdited t => Changes(t.Before, t.After, Template),
        AnswerTemplateRemoved t => Changes(null, t.Before, Template),
        MeetingRecorded m => Changes(null, m.After, Meeting),
        MeetingChanged m => Changes(m.Before, m.After, Meeting),
        AnnouncementCreated a => Changes(null, a.After, Announcement),
        AnnouncementEdited a => Changes(a.Before, a.After, Announcement),
        AnnouncementCancelled a => [new HistoryLine("стан", a.Before is null ? null : Announcements.AnnouncementText.Status(a.Before.Status), Announcements.AnnouncementText.Status(a.After.Status))],
        LetterDispatched l => Changes(null, l.After, s =>
        [
            ("тема", s.Subject),
            ("адресатів", WebText.Number(s.Recipients)),
            ("група", s.Group),
            ("не адреси", s.Invalid is { } invalid ? WebText.Number(invalid) : null),
            ("повтори", s.Duplicates is { } twice ? WebText.Number(twice) : null),
        ]),
        ApiKeyCreated k => Changes(null, k.After, s =>
        [
            ("роль", WebText.Role(s.Role)),
            ("орган розгляду", s.ReviewBodyId is { } body ? catalogs.ReviewBodies.FirstOrDefault(b => b.Id == body)?.Label ?? Id(body) : null),
        ]),
        ApiKeyRevoked k => [new HistoryLine("відкликано", null, WebText.Local(k.After.RevokedAt, clock))],
        ReviewBodyContactsChanged c => Changes(c.Before, c.After, s =>
        [
            ("чат Telegram", s.TelegramChat ?? "—"),
            ("адреси e-mail", string.IsNullOrWhiteSpace(s.Emails) ? "—" : s.Emails),
        ]),
        PersonalDataExported x => [new HistoryLine("умови відбору", null, string.IsNullOrEmpty(x.After.Query) ? "усі пропозиції" : x.After.Query)],
        _ => Lines(entry.Before, entry.After, e.EntityType),
    };

    private (string Field, string? Value)[] Consultation(ConsultationState s) =>
    [
        ("назва", s.Title),
        ("початок", WebText.Local(s.OpensAt, clock)),
        ("кінцевий строк", WebText.Local(s.Deadline, clock)),
    ];

    private string Closure(ClosureState s) => s.ClosedAt is { } at ? $"закрито {WebText.Local(at, clock)}" : "відкрито";

    private static string Published(PublicationState s) => s.ResultsPublic ? "оприлюднено" : "не оприлюднено";

    private static (string Field, string? Value)[] Template(TemplateState s) =>
    [
        ("назва", s.Title),
        ("рішення", s.Outcome is { } outcome ? ProposalLabels.Decided(outcome) : "будь-яке"),
        ("текст", s.Text),
    ];

    private static (string Field, string? Value)[] Meeting(MeetingState s) =>
    [
        ("номер протоколу", s.Number),
        ("дата", WebText.Date(s.Date)),
        ("місце", s.Place),
        ("головував", s.Chair),
        ("секретар", s.Secretary),
        ("присутні", WebText.Number(s.Present)),
        ("відсутні", WebText.Number(s.Absent)),
        ("кворум", ProposalLabels.YesNo(s.HasQuorum)),
        ("питань порядку денного", WebText.Number(s.Items.Count)),
        ("достатність пропозицій", s.Sufficiency switch
        {
            SufficiencyDecision.Sufficient => "достатньо",
            SufficiencyDecision.Extend => "продовжити збір",
            _ => "—",
        }),
    ];

    private (string Field, string? Value)[] Announcement(AnnouncementState s) =>
    [
        ("заголовок", s.Title ?? "—"),
        ("текст", s.Text),
        ("коли", s.Rule is { } rule ? Announcements.AnnouncementText.Rule(rule) : WebText.Local(s.SendAt, clock)),
        ("куди", string.Join(", ", s.Targets.Select(Announcements.AnnouncementText.Target))),
        ("група", s.Group),
    ];

    /// <summary>The entry's action in Ukrainian (a typed event's action comes from its type), a review body named by its label.</summary>
    public string Action(AuditDto entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Action(AuditEvents.Read(entry.Kind, entry.Version, entry.Before, entry.After)?.Action ?? entry.Action);
    }

    /// <summary>The lines of an entry written before the events were typed: its stored JSON, field by field.</summary>
    public IReadOnlyList<HistoryLine> Lines(string? before, string? after, string entityType = ProposalEntity)
    {
        var old = AuditTrail.Parse(before);
        var now = AuditTrail.Parse(after);
        if (old is null && now is null)
        {
            return [];
        }
        // A list (the routes) has no fields: it is one value before and one after.
        if (old is { ValueKind: JsonValueKind.Array } || now is { ValueKind: JsonValueKind.Array })
        {
            return [new HistoryLine("органи розгляду", Routes(old), Routes(now))];
        }
        var names = new List<string>();
        foreach (var e in new[] { old, now })
        {
            if (e is { ValueKind: JsonValueKind.Object } o)
            {
                names.AddRange(o.EnumerateObject().Select(p => p.Name).Where(n => !names.Contains(n)));
            }
        }
        var lines = new List<HistoryLine>();
        foreach (var name in names)
        {
            var b = Value(entityType, name, Property(old, name));
            var a = Value(entityType, name, Property(now, name));
            if (old is not null && now is not null && b == a)
            {
                continue;
            }
            lines.Add(new HistoryLine(FieldName(name), b, a));
        }
        return lines;
    }

    /// <summary>The entry's action in Ukrainian, a review body named by its label rather than its code.</summary>
    public string Action(string action) => AuditText.Action(action, code => Body(code));

    /// <summary>The fields of a state before and after, each line only where it changed (every field of a state that had no before).</summary>
    private static List<HistoryLine> Changes<T>(T? before, T after, Func<T, (string Field, string? Value)[]> fields) where T : class
    {
        var now = fields(after);
        var old = before is null ? null : fields(before);
        var lines = new List<HistoryLine>();
        for (var i = 0; i < now.Length; i++)
        {
            var (field, value) = now[i];
            var was = old?[i].Value;
            if ((old is not null && was == value) || (old is null && value is null))
            {
                continue;
            }
            lines.Add(new HistoryLine(field, was, value));
        }
        return lines;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private string Routes(RoutesState state) => state.Routes.Count == 0
        ? "—"
        : string.Join("; ", state.Routes.Select(r => $"{Body(r.Body)} (до {WebText.Date(r.DueDate)})"));

    private static JsonElement? Property(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? v : null;

    private string? Routes(JsonElement? list) => list is { ValueKind: JsonValueKind.Array } a
        ? a.GetArrayLength() == 0 ? "—" : string.Join("; ", a.EnumerateArray().Select(r =>
            $"{Body(r.TryGetProperty("Body", out var b) ? b.GetString() : null)} (до {DateText(r.TryGetProperty("DueDate", out var d) ? d.GetString() : null)})"))
        : null;

    private string Body(string? code) => catalogs.ReviewBodies.FirstOrDefault(x => x.Code == code)?.Label ?? code ?? "—";

    private static string DateText(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? WebText.Date(d) : iso ?? "—";

    private string? Value(string entityType, string name, JsonElement? value)
    {
        if (value is not { } v)
        {
            return null;
        }
        if (v.ValueKind == JsonValueKind.Null)
        {
            return "—";
        }
        int? Int() => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
        return name switch
        {
            "SphereId" => catalogs.Spheres.FirstOrDefault(s => s.Id == Int())?.Label,
            "TopicId" => catalogs.Topics.FirstOrDefault(t => t.Id == Int())?.Label,
            "SettlementId" => catalogs.Settlements.FirstOrDefault(s => s.Id == Int())?.DisplayName,
            "Status" when Int() is { } i && entityType == ProposalEntity => ProposalLabels.Status((ProposalStatus)i),
            "Status" when Int() is { } i && entityType == "Announcement" => Announcements.AnnouncementText.Status((AnnouncementStatus)i),
            "Role" when v.ValueKind == JsonValueKind.String && Enum.TryParse<AdminRole>(v.GetString(), out var role) => WebText.Role(role),
            "ReviewBodyId" when Int() is { } body => catalogs.ReviewBodies.FirstOrDefault(b => b.Id == body)?.Label,
            "Items" when v.ValueKind == JsonValueKind.Array => WebText.Number(v.GetArrayLength()),
            "Outcome" when Int() is { } i => ProposalLabels.Decided((DecisionOutcome)i),
            "Stance" when Int() is { } i => ProposalLabels.Stance((ReviewStance)i),
            "Channel" when Int() is { } i => ProposalLabels.Channel((Channel)i),
            "ProtocolDate" => DateText(v.GetString()),
            _ when v.ValueKind == JsonValueKind.True => "так",
            _ when v.ValueKind == JsonValueKind.False => "ні",
            _ when v.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(v.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                && v.GetString()!.Contains('T', StringComparison.Ordinal) => WebText.Local(t, clock),
            _ when v.ValueKind == JsonValueKind.String => v.GetString(),
            _ when v.ValueKind == JsonValueKind.Array => string.Join(", ", v.EnumerateArray().Select(x => x.ToString())),
            _ => v.ToString(),
        } ?? v.ToString();
    }

    private static string FieldName(string name) => name switch
    {
        "SphereId" => "сфера",
        "TopicId" => "тема",
        "SettlementId" => "населений пункт",
        "UnlistedSettlement" => "інший населений пункт",
        "Reason" => "причина",
        "PublicTextHiddenReason" => "чому текст приховано на публічній сторінці",
        "IsLate" => "після строку",
        "IsUnidentified" => "неідентифікована",
        "IsOffTopic" => "не за темою",
        "DuplicateOfReference" => "дублікат пропозиції",
        "Status" => "стан",
        "Outcome" => "рішення",
        "Justification" => "обґрунтування",
        "ProtocolNumber" => "номер протоколу",
        "ProtocolDate" => "дата протоколу",
        "Stance" => "позиція",
        "PositionJustification" => "обґрунтування позиції",
        "Channel" => "канал",
        "ReceivedAt" => "надійшла",
        "Cleared" => "стерто поля",
        "AnonymisedAt" => "знеособлено",
        "Via" => "за пропозицією",
        // Other things' entries written before the events were typed.
        "Title" => "назва",
        "OpensAt" => "початок",
        "Deadline" => "кінцевий строк",
        "ClosedAt" => "прийом пропозицій закрито",
        "ResultsPublic" => "результати оприлюднено",
        "ConsultationId" => "консультація",
        "Text" => "текст",
        "SendAt" => "коли",
        "Targets" => "куди",
        "Name" => "назва",
        "Role" => "роль",
        "ReviewBodyId" => "орган розгляду",
        "RevokedAt" => "відкликано",
        "Query" => "умови відбору",
        "Subject" => "тема",
        "Body" => "текст листа",
        "Recipients" => "адресатів",
        "Invalid" => "не адреси",
        "Duplicates" => "повтори",
        "Group" => "група",
        "Announcement" => "оголошення",
        "Number" => "номер протоколу",
        "Date" => "дата",
        "Place" => "місце",
        "Chair" => "головував",
        "Secretary" => "секретар",
        "Items" => "питань порядку денного",
        "TelegramChat" => "чат Telegram",
        "Emails" => "адреси e-mail",
        _ => name,
    };
}
