using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Hromada.Core.Text;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Hromada.Admin.Web.Announcements;

/// <summary>An announcement as the form holds it: a moment in local time, or a working-day rule.</summary>
public sealed class AnnouncementForm
{
    public const string AtMoment = "at", ByRule = "rule";

    public string? Title { get; set; }
    [Hromada.Core.Text.TextLimit(AnnouncementTargets.FacebookPostLimit)]
    public string? Text { get; set; }
    public List<string> Targets { get; set; } = [];
    public string Schedule { get; set; } = AtMoment;
    public DateTime? SendAt { get; set; }
    public int? WorkingDays { get; set; }
    public RuleDirection Direction { get; set; } = RuleDirection.After;
    public DateOnly? RuleDate { get; set; }
    public string? RuleTime { get; set; }
    public int? Version { get; set; }

    public AnnouncementInput ToInput(CommunityClock clock) => new(
        Title, Text, Targets,
        Schedule == AtMoment ? clock.FromLocal(SendAt) : null,
        Schedule == ByRule
            ? new RuleInput(WorkingDays, Direction == RuleDirection.After ? RuleDate : null, Direction == RuleDirection.Before ? RuleDate : null, RuleTime)
            : null,
        Version);

    public static AnnouncementForm From(Announcement a, CommunityClock clock) => new()
    {
        Title = a.Title,
        Text = a.Text,
        Targets = a.Targets.Select(t => t.Target.ToString()).ToList(),
        Schedule = a.Rule is null ? AtMoment : ByRule,
        SendAt = clock.ToLocal(a.SendAt).DateTime,
        WorkingDays = a.Rule?.WorkingDays,
        Direction = a.Rule?.Direction ?? RuleDirection.After,
        RuleDate = a.Rule?.Date,
        RuleTime = a.Rule?.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        Version = a.Version,
    };

    /// <summary>The validator's problems beside the form's fields, in Ukrainian (a field with several shows them together).</summary>
    public static void AddErrors(ModelStateDictionary state, FieldErrors errors)
    {
        foreach (var field in errors.All.GroupBy(e => AnnouncementText.FormField(e.Field), StringComparer.Ordinal))
        {
            state.AddModelError(field.Key, string.Join(" ", field.Select(e => e.Ukrainian)));
        }
    }
}
