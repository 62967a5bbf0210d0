using Hromada.Core.Announcements;
using Hromada.Core.Reports;

namespace Hromada.Admin.Web.Announcements;

/// <summary>The announcements' words on the page: kinds, targets, statuses, rules, and the validator's problems in Ukrainian.</summary>
internal static class AnnouncementText
{
    public static string Kind(AnnouncementKind kind) => kind switch
    {
        AnnouncementKind.Manual => "оголошення",
        AnnouncementKind.ConsultationOpened => "автоматичне: збір відкрито",
        AnnouncementKind.DeadlineReminder => "автоматичне: нагадування про строк",
        AnnouncementKind.DeadlineExtended => "автоматичне: строк продовжено",
        AnnouncementKind.ConsultationClosed => "автоматичне: збір закрито",
        AnnouncementKind.DecisionsPublished => "автоматичне: рішення опубліковано",
        _ => kind.ToString(),
    };

    public static string Target(AnnouncementTarget target) => AnnouncementTargets.Label(target);

    public static string Status(AnnouncementStatus status) => status switch
    {
        AnnouncementStatus.Scheduled => "заплановано",
        AnnouncementStatus.Sending => "надсилається",
        AnnouncementStatus.Sent => "надіслано",
        AnnouncementStatus.Cancelled => "скасовано",
        _ => status.ToString(),
    };

    /// <summary>«3 робочі дні після 20.11.2026 о 10:00».</summary>
    public static string Rule(WorkingDayRule rule) =>
        $"{UkrainianCounts.Count(rule.WorkingDays, "робочий день|робочі дні|робочих днів")} " +
        $"{(rule.Direction == RuleDirection.After ? "після" : "до")} {WebText.Date(rule.Date)} о {rule.At:HH\\:mm}";

    /// <summary>The form field each validator field is shown beside.</summary>
    public static string FormField(string field) => field switch
    {
        "title" => "Input.Title",
        "text" => "Input.Text",
        "sendAt" => "Input.SendAt",
        "rule.workingDays" => "Input.WorkingDays",
        "rule.at" => "Input.RuleTime",
        "rule.after" or "rule" => "Input.RuleDate",
        _ => "Input.Targets",
    };
}
