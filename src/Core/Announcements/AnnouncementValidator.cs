using Hromada.Core.Calendar;
using Hromada.Core.Reports;
using Hromada.Core.Text;
using Hromada.Core.Validation;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Announcements;

/// <summary>Checks an announcement as a person sent it and resolves its send time; every problem is keyed by the field.</summary>
public sealed class AnnouncementValidator(
    WorkingDayCalendar calendar, AnnouncementChannels channels, IOptions<AnnouncementOptions> options, TimeProvider time)
{
    public const int TitleMaxLength = 200;

    /// <summary>The checked values, or the problems by field (camelCase, as the API writes them), each in English and Ukrainian.</summary>
    public sealed record Outcome(
        FieldErrors Problems, string? Title, string Text, IReadOnlyList<AnnouncementTarget> Targets,
        DateTimeOffset SendAt, WorkingDayRule? Rule)
    {
        public bool IsValid => !Problems.Any;

        /// <summary>The English messages by field.</summary>
        public Dictionary<string, string[]> Errors => Problems.ByField(english: true);
    }

    /// <summary>
    /// Checks <paramref name="input"/> for an announcement of <paramref name="kind"/>; <paramref name="preview"/> fills an
    /// automatic notice's placeholders, so its length is checked as it would be sent.
    /// </summary>
    public Outcome Validate(AnnouncementInput input, AnnouncementKind kind, Func<string, string>? preview = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var title = TextSanitiser.Clean(input.Title)?.Trim();
        if (title is { Length: > TitleMaxLength })
        {
            errors.Add("title", $"The title may have at most {TitleMaxLength} characters.", $"Назва — не довше {TitleMaxLength} символів.");
        }
        var text = TextSanitiser.Clean(input.Text)?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add("text", "The text may not be empty.", "Напишіть текст оголошення.");
        }
        else if (kind != AnnouncementKind.Manual && NoticeTemplate.Unknown(text) is { Count: > 0 } unknown)
        {
            var named = string.Join(", ", unknown.Select(u => "{" + u + "}"));
            errors.Add("text", $"Unknown placeholder(s) {named}; use {NoticeTemplate.KnownList}.",
                $"У тексті є невідомі заповнювачі: {named}. Можна: {NoticeTemplate.KnownList}.");
        }

        var targets = Targets(input.Targets, errors);
        if (text.Length > 0 && !errors.Has("text"))
        {
            var sent = kind == AnnouncementKind.Manual || preview is null ? text : preview(text);
            foreach (var t in targets.Where(t => sent.Length > AnnouncementTargets.MaxLength(t)))
            {
                errors.AddAnother("text", $"The text is {sent.Length} characters; {t} allows at most {AnnouncementTargets.MaxLength(t)}.",
                    $"Текст має {UkrainianCounts.Count(sent.Length, "символ|символи|символів")} — задовгий для: {AnnouncementTargets.Label(t)} " +
                    $"(щонайбільше {AnnouncementTargets.MaxLength(t)}).");
            }
            foreach (var unfit in targets.Select(t => AnnouncementTargets.Unfit(t, title, sent)).OfType<FieldError>())
            {
                errors.AddAnother(unfit);
            }
        }

        var (sendAt, rule) = Schedule(input, errors);
        return new Outcome(errors, string.IsNullOrEmpty(title) ? null : title, text, targets, sendAt, rule);
    }

    /// <summary>The send time of a rule with the calendar as it is now.</summary>
    public DateTimeOffset Resolve(WorkingDayRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        var day = rule.Direction == RuleDirection.After
            ? calendar.WorkingDaysAfter(rule.Date, rule.WorkingDays)
            : calendar.WorkingDaysBefore(rule.Date, rule.WorkingDays);
        return calendar.At(day, rule.At);
    }

    private List<AnnouncementTarget> Targets(IReadOnlyList<string>? names, FieldErrors errors)
    {
        var targets = new List<AnnouncementTarget>();
        var all = string.Join(", ", AnnouncementTargets.ForAnnouncements);
        if (names is null || names.Count == 0)
        {
            errors.Add("targets", $"Choose at least one target: {all}.", $"Оберіть принаймні один канал: {all}.");
            return targets;
        }
        for (var i = 0; i < names.Count; i++)
        {
            if (!AnnouncementTargets.TryParse(names[i], out var target))
            {
                errors.Add($"targets[{i}]", $"'{names[i]}' is not a target; use {all}.", $"«{names[i]}» — не канал; можна: {all}.");
            }
            else if (AnnouncementTargets.IsLetterOnly(target))
            {
                errors.Add($"targets[{i}]", $"{target} is sent as a letter by the working group (POST /api/admin/letters, the page /admin/letters), not as an announcement.",
                    $"Лист авторам ({target}) надсилає робоча група на сторінці «Листи групам» (/admin/letters), а не оголошенням.");
            }
            else if (channels.WhyUnavailable(target) is { } why)
            {
                errors.Add($"targets[{i}]", $"{target} cannot be used: {why}",
                    $"Канал «{AnnouncementTargets.Label(target)}» ({target}) зараз вимкнено в налаштуваннях служби: попросіть адміністратора його увімкнути.");
            }
            else if (!targets.Contains(target))
            {
                targets.Add(target);
            }
        }
        return targets;
    }

    private (DateTimeOffset SendAt, WorkingDayRule? Rule) Schedule(AnnouncementInput input, FieldErrors errors)
    {
        var now = time.GetUtcNow();
        if (input.SendAt is not null && input.Rule is not null)
        {
            errors.Add("sendAt", "Give either sendAt or rule, not both.", "Вкажіть або час надсилання (sendAt), або правило робочих днів (rule), а не обидва.");
            return (default, null);
        }
        if (input.SendAt is { } at)
        {
            if (at <= now)
            {
                errors.Add("sendAt", $"{Local(at)} is in the past; it is {Local(now)} now.",
                    $"Цей час уже минув: оберіть пізніший (вказано {Local(at)}, зараз {Local(now)}).");
            }
            return (at, null);
        }
        if (input.Rule is not { } r)
        {
            errors.Add("sendAt", "Give sendAt (a moment) or rule (N working days after or before a date, at a local time).",
                "Вкажіть дату і час надсилання або правило робочих днів.");
            return (default, null);
        }

        var before = errors.All.Count;
        if (r.WorkingDays is not { } days)
        {
            errors.Add("rule.workingDays", "The number of working days is required.", "Вкажіть кількість робочих днів.");
        }
        else if (days is < 0 or > 366)
        {
            errors.Add("rule.workingDays", "The number of working days must be between 0 and 366.", "Кількість робочих днів — від 0 до 366.");
        }
        if ((r.After is null) == (r.Before is null))
        {
            errors.Add("rule.after", "Give the date the rule counts from as either after or before (one of them).",
                "Вкажіть дату, від якої рахувати робочі дні (після неї або до неї — щось одне).");
        }
        var timeOfDay = string.IsNullOrWhiteSpace(r.At) ? options.Value.DefaultTimeOfDay : AnnouncementOptions.ParseTime(r.At);
        if (timeOfDay is null)
        {
            errors.Add("rule.at", $"'{r.At}' is not a local time written as HH:mm.", $"«{r.At}» — не час; пишіть ГГ:ХХ, наприклад 10:00.");
        }
        if (errors.All.Count > before)
        {
            return (default, null);
        }

        var rule = new WorkingDayRule(r.WorkingDays!.Value, r.After is null ? RuleDirection.Before : RuleDirection.After,
            r.After ?? r.Before!.Value, timeOfDay!.Value);
        var resolved = Resolve(rule);
        if (resolved <= now)
        {
            errors.Add("rule", $"The rule resolves to {Local(resolved)}, which is in the past; it is {Local(now)} now.",
                $"За цим правилом час надсилання ({Local(resolved)}) уже минув: оберіть пізнішу дату (зараз {Local(now)}).");
        }
        return (resolved, rule);
    }

    private string Local(DateTimeOffset instant) =>
        calendar.Clock.ToLocal(instant).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
}
