using System.Globalization;
using System.Text.Json;
using Hromada.Admin.Proposals;
using Hromada.Core.Audit;
using Hromada.Core.Community;
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
    /// <summary>
    /// The entry's changes: a typed event from its type, field by field; an entry written before the events were typed
    /// from its stored JSON (<see cref="Lines(string?, string?)"/>).
    /// </summary>
    public IReadOnlyList<HistoryLine> Lines(AuditDto entry)
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
            _ => Lines(entry.Before, entry.After),
        };
    }

    /// <summary>The entry's action in Ukrainian (a typed event's action comes from its type), a review body named by its label.</summary>
    public string Action(AuditDto entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Action(AuditEvents.Read(entry.Kind, entry.Version, entry.Before, entry.After)?.Action ?? entry.Action);
    }

    /// <summary>The lines of an entry written before the events were typed: its stored JSON, field by field.</summary>
    public IReadOnlyList<HistoryLine> Lines(string? before, string? after)
    {
        var old = Parse(before);
        var now = Parse(after);
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
            var b = Value(name, Property(old, name));
            var a = Value(name, Property(now, name));
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

    private static JsonElement? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static JsonElement? Property(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? v : null;

    private string? Routes(JsonElement? list) => list is { ValueKind: JsonValueKind.Array } a
        ? a.GetArrayLength() == 0 ? "—" : string.Join("; ", a.EnumerateArray().Select(r =>
            $"{Body(r.TryGetProperty("Body", out var b) ? b.GetString() : null)} (до {DateText(r.TryGetProperty("DueDate", out var d) ? d.GetString() : null)})"))
        : null;

    private string Body(string? code) => catalogs.ReviewBodies.FirstOrDefault(x => x.Code == code)?.Label ?? code ?? "—";

    private static string DateText(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? WebText.Date(d) : iso ?? "—";

    private string? Value(string name, JsonElement? value)
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
            "Status" when Int() is { } i => ProposalLabels.Status((ProposalStatus)i),
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
        _ => name,
    };
}
