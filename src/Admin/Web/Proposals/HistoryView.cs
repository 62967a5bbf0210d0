using System.Globalization;
using System.Text.Json;
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
            "Outcome" when Int() is { } i => ProposalLabels.Outcome((DecisionOutcome)i),
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
