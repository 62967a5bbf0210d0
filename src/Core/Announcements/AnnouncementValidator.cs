using Hromada.Core.Calendar;
using Hromada.Core.Text;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Announcements;

/// <summary>Checks an announcement as a person sent it and resolves its send time; every problem is keyed by the field.</summary>
public sealed class AnnouncementValidator(
    WorkingDayCalendar calendar, AnnouncementChannels channels, IOptions<AnnouncementOptions> options, TimeProvider time)
{
    public const int TitleMaxLength = 200;

    /// <summary>The checked values, or the errors by field (camelCase, as the API writes them).</summary>
    public sealed record Outcome(
        Dictionary<string, string[]> Errors, string? Title, string Text, IReadOnlyList<AnnouncementTarget> Targets,
        DateTimeOffset SendAt, WorkingDayRule? Rule)
    {
        public bool IsValid => Errors.Count == 0;
    }

    /// <summary>
    /// Checks <paramref name="input"/> for an announcement of <paramref name="kind"/>; <paramref name="preview"/> fills an
    /// automatic notice's placeholders, so its length is checked as it would be sent.
    /// </summary>
    public Outcome Validate(AnnouncementInput input, AnnouncementKind kind, Func<string, string>? preview = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string[]>();
        var title = TextSanitiser.Clean(input.Title)?.Trim();
        if (title is { Length: > TitleMaxLength })
        {
            errors["title"] = [$"The title may have at most {TitleMaxLength} characters."];
        }
        var text = TextSanitiser.Clean(input.Text)?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors["text"] = ["The text may not be empty."];
        }
        else if (kind != AnnouncementKind.Manual && NoticeTemplate.Unknown(text) is { Count: > 0 } unknown)
        {
            errors["text"] = [$"Unknown placeholder(s) {string.Join(", ", unknown.Select(u => "{" + u + "}"))}; use {NoticeTemplate.KnownList}."];
        }

        var targets = Targets(input.Targets, errors);
        if (text.Length > 0 && !errors.ContainsKey("text"))
        {
            var sent = kind == AnnouncementKind.Manual || preview is null ? text : preview(text);
            var over = targets.Where(t => sent.Length > AnnouncementTargets.MaxLength(t)).ToList();
            if (over.Count > 0)
            {
                errors["text"] = over.Select(t =>
                    $"The text is {sent.Length} characters; {t} allows at most {AnnouncementTargets.MaxLength(t)}.").ToArray();
            }
            foreach (var unfit in targets.Select(t => AnnouncementTargets.Unfit(t, title, sent)).OfType<(string Field, string Message)>())
            {
                errors[unfit.Field] = [.. errors.GetValueOrDefault(unfit.Field) ?? [], unfit.Message];
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

    private List<AnnouncementTarget> Targets(IReadOnlyList<string>? names, Dictionary<string, string[]> errors)
    {
        var targets = new List<AnnouncementTarget>();
        if (names is null || names.Count == 0)
        {
            errors["targets"] = [$"Choose at least one target: {string.Join(", ", AnnouncementTargets.All)}."];
            return targets;
        }
        for (var i = 0; i < names.Count; i++)
        {
            if (!AnnouncementTargets.TryParse(names[i], out var target))
            {
                errors[$"targets[{i}]"] = [$"'{names[i]}' is not a target; use {string.Join(", ", AnnouncementTargets.All)}."];
            }
            else if (channels.WhyUnavailable(target) is { } why)
            {
                errors[$"targets[{i}]"] = [$"{target} cannot be used: {why}"];
            }
            else if (!targets.Contains(target))
            {
                targets.Add(target);
            }
        }
        return targets;
    }

    private (DateTimeOffset SendAt, WorkingDayRule? Rule) Schedule(AnnouncementInput input, Dictionary<string, string[]> errors)
    {
        var now = time.GetUtcNow();
        if (input.SendAt is not null && input.Rule is not null)
        {
            errors["sendAt"] = ["Give either sendAt or rule, not both."];
            return (default, null);
        }
        if (input.SendAt is { } at)
        {
            if (at <= now)
            {
                errors["sendAt"] = [$"{Local(at)} is in the past; it is {Local(now)} now."];
            }
            return (at, null);
        }
        if (input.Rule is not { } r)
        {
            errors["sendAt"] = ["Give sendAt (a moment) or rule (N working days after or before a date, at a local time)."];
            return (default, null);
        }

        var before = errors.Count;
        if (r.WorkingDays is not { } days)
        {
            errors["rule.workingDays"] = ["The number of working days is required."];
        }
        else if (days is < 0 or > 366)
        {
            errors["rule.workingDays"] = ["The number of working days must be between 0 and 366."];
        }
        if ((r.After is null) == (r.Before is null))
        {
            errors["rule.after"] = ["Give the date the rule counts from as either after or before (one of them)."];
        }
        var timeOfDay = string.IsNullOrWhiteSpace(r.At) ? options.Value.DefaultTimeOfDay : AnnouncementOptions.ParseTime(r.At);
        if (timeOfDay is null)
        {
            errors["rule.at"] = [$"'{r.At}' is not a local time written as HH:mm."];
        }
        if (errors.Count > before)
        {
            return (default, null);
        }

        var rule = new WorkingDayRule(r.WorkingDays!.Value, r.After is null ? RuleDirection.Before : RuleDirection.After,
            r.After ?? r.Before!.Value, timeOfDay!.Value);
        var resolved = Resolve(rule);
        if (resolved <= now)
        {
            errors["rule"] = [$"The rule resolves to {Local(resolved)}, which is in the past; it is {Local(now)} now."];
        }
        return (resolved, rule);
    }

    private string Local(DateTimeOffset instant) =>
        calendar.Clock.ToLocal(instant).ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
}
