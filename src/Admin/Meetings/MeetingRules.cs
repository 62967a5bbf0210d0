using System.Globalization;
using Hromada.Admin.Commands;
using Hromada.Core.Meetings;
using Hromada.Core.Validation;

namespace Hromada.Admin.Meetings;

/// <summary>What a meeting must say before it is stored; each problem named by its field, in English and Ukrainian.</summary>
internal static class MeetingRules
{
    public const int NumberMax = 100, PlaceMax = 500, PersonMax = 300, TitleMax = 1000, TextMax = 20000, PeopleMax = 200;

    public static TimeOnly? ParseTime(string? value) =>
        TimeOnly.TryParseExact(value?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;

    /// <summary>The people of a list, trimmed, blank entries dropped (a pasted list may hold several per entry, one a line).</summary>
    public static List<string> People(IReadOnlyList<string>? list) =>
        (list ?? []).SelectMany(Meeting.Lines).ToList();

    public static void Check(MeetingInput input, IReadOnlyCollection<string> measureCodes, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(input.Number))
        {
            errors.Add("number", "The protocol number is required.", "Вкажіть номер протоколу.");
        }
        else if (input.Number.Trim().Length > NumberMax)
        {
            errors.Add("number", $"The protocol number may be at most {NumberMax} characters long.", $"Номер протоколу — не довше {NumberMax} символів.");
        }
        if (input.Date is null || input.Date == default(DateOnly))
        {
            errors.Add("date", "The date of the meeting is required.", "Вкажіть дату засідання.");
        }
        if (!string.IsNullOrWhiteSpace(input.StartsAt) && ParseTime(input.StartsAt) is null)
        {
            errors.Add("startsAt", $"'{input.StartsAt}' is not a time written as HH:mm.", "Вкажіть час як ГГ:ХХ, наприклад 10:00.");
        }
        Length("place", input.Place, PlaceMax, "Місце", errors);
        Length("chair", input.Chair, PersonMax, "Головуючий", errors);
        Length("secretary", input.Secretary, PersonMax, "Секретар", errors);

        var present = People(input.Present);
        if (present.Count == 0)
        {
            errors.Add("present", "List the members present (at least one).", "Вкажіть присутніх членів робочої групи.");
        }
        foreach (var (field, list) in new[] { ("present", present), ("absent", People(input.Absent)), ("invited", People(input.Invited)) })
        {
            if (list.Count > PeopleMax || list.Exists(p => p.Length > PersonMax))
            {
                errors.Add(field, $"At most {PeopleMax} people of at most {PersonMax} characters each.",
                    $"Не більше {PeopleMax} осіб, кожна — не довше {PersonMax} символів.");
            }
        }

        var items = input.Items ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            CheckItem(items[i], i, present.Count, errors);
        }
        CheckSufficiency(input.Sufficiency, measureCodes, errors);
    }

    private static void CheckItem(MeetingItemInput item, int i, int present, FieldErrors errors)
    {
        var p = $"items[{i}].";
        if (item.Kind is { } kind && !Enum.IsDefined(kind))
        {
            errors.Add(p + "kind", "The kind is General, Sufficiency or Decisions.", "Невідомий вид питання.");
        }
        Length(p + "title", item.Title, TitleMax, "Питання", errors);
        Length(p + "heard", item.Heard, TextMax, "«Слухали»", errors);
        Length(p + "decision", item.Decision, TextMax, "«Вирішили»", errors);
        if (string.IsNullOrWhiteSpace(item.Title) && (!string.IsNullOrWhiteSpace(item.Heard) || !string.IsNullOrWhiteSpace(item.Decision)))
        {
            errors.Add(p + "title", "An agenda item with text needs its title.", "Вкажіть питання порядку денного.");
        }
        int[] votes = [item.VotesFor ?? 0, item.VotesAgainst ?? 0, item.VotesAbstained ?? 0];
        if (votes.Any(v => v < 0))
        {
            errors.Add(p + "votes", "A vote count may not be negative.", "Кількість голосів не може бути відʼємною.");
        }
        else if (present > 0 && votes.Sum() > present)
        {
            errors.Add(p + "votes",
                $"The votes add up to {votes.Sum()}, more than the {present} members present.",
                $"Разом {votes.Sum()} голосів — більше, ніж присутніх членів ({present}).");
        }
    }

    private static void CheckSufficiency(SufficiencyInput? s, IReadOnlyCollection<string> measureCodes, FieldErrors errors)
    {
        if (s is null)
        {
            return;
        }
        if (s.Decision is { } d && !Enum.IsDefined(d))
        {
            errors.Add("sufficiency.decision", "The decision is Sufficient or Extend.", "Оберіть: достатньо або продовжити збір.");
        }
        if (s.Decision == SufficiencyDecision.Extend && string.IsNullOrWhiteSpace(s.LowActivityReasons))
        {
            errors.Add("sufficiency.lowActivityReasons", "Give the reasons for low activity when collection is extended.",
                "Вкажіть причини низької активності: без них збір не продовжують.");
        }
        Length("sufficiency.lowActivityReasons", s.LowActivityReasons, 2000, "Причини", errors);
        Length("sufficiency.otherMeasures", s.OtherMeasures, TextMax, "Інші заходи", errors);
        var unknown = (s.Measures ?? []).Where(m => !measureCodes.Contains(m, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("sufficiency.measures", $"Unknown measure: {string.Join(", ", unknown)} (Hromada:WorkingGroup:Measures lists them).",
                "Такого заходу немає: оберіть зі списку.");
        }
        if (s.NewDeadline is not null && s.Decision != SufficiencyDecision.Extend)
        {
            errors.Add("sufficiency.newDeadline", "A new deadline goes with the decision to extend.", "Новий строк вказують лише разом із рішенням продовжити збір.");
        }
    }

    private static void Length(string field, string? value, int max, string what, FieldErrors errors)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(field, $"{field} may be at most {max} characters long.", $"{what} — не довше {max} символів.");
        }
    }
}
