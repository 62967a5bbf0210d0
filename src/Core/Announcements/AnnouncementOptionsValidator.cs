using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Announcements;

internal sealed partial class AnnouncementOptionsValidator : IValidateOptions<AnnouncementOptions>
{
    private static readonly AnnouncementKind[] NoticeKinds =
    [
        AnnouncementKind.ConsultationOpened, AnnouncementKind.DeadlineReminder, AnnouncementKind.DeadlineExtended,
        AnnouncementKind.ConsultationClosed, AnnouncementKind.DecisionsPublished,
    ];

    public ValidateOptionsResult Validate(string? name, AnnouncementOptions o)
    {
        var s = AnnouncementOptions.Section;
        var failures = new List<string>();
        var channel = o.TelegramChannel?.Trim() ?? "";
        if (channel.Length > 0 && !ChannelName().IsMatch(channel) && !ChannelId().IsMatch(channel))
        {
            failures.Add($"{s}:TelegramChannel: '{channel}' is neither @channelname (5–32 letters, digits, _) nor a numeric channel id like -1001234567890.");
        }
        if (AnnouncementOptions.ParseTime(o.DefaultTime) is null)
        {
            failures.Add($"{s}:DefaultTime: '{o.DefaultTime}' is not a time written as HH:mm.");
        }
        if (o.BatchSize is < 1 or > 10000)
        {
            failures.Add($"{s}:BatchSize must be between 1 and 10000.");
        }
        if (o.HousekeepingInterval < TimeSpan.FromSeconds(10) || o.HousekeepingInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"{s}:HousekeepingInterval must be between 00:00:10 and 1.00:00:00.");
        }
        if (o.Feed.MaxEntries is < 1 or > 500)
        {
            failures.Add($"{s}:Feed:MaxEntries must be between 1 and 500.");
        }
        foreach (var kind in NoticeKinds)
        {
            Validate($"{s}:Notices:{kind}", o.Notices.For(kind), failures);
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Validate(string path, NoticeOptions n, List<string> failures)
    {
        for (var i = 0; i < n.Targets.Count; i++)
        {
            if (!AnnouncementTargets.TryParse(n.Targets[i], out var target))
            {
                failures.Add($"{path}:Targets:{i}: '{n.Targets[i]}' is not a target; use {string.Join(", ", AnnouncementTargets.ForAnnouncements)}.");
            }
            else if (AnnouncementTargets.IsLetterOnly(target))
            {
                failures.Add($"{path}:Targets:{i}: {target} is sent only as a letter from the letters page, never as an automatic notice.");
            }
        }
        if (NoticeTemplate.Unknown(n.Template ?? "") is { Count: > 0 } unknown)
        {
            failures.Add($"{path}:Template: unknown placeholder(s) {string.Join(", ", unknown.Select(u => "{" + u + "}"))}; use {NoticeTemplate.KnownList}.");
        }
        if (n.WorkingDays is < 0 or > 60)
        {
            failures.Add($"{path}:WorkingDays must be between 0 and 60.");
        }
        if (AnnouncementOptions.ParseTime(n.At) is null)
        {
            failures.Add($"{path}:At: '{n.At}' is not a time written as HH:mm.");
        }
    }

    [GeneratedRegex("^@[A-Za-z][A-Za-z0-9_]{4,31}$")]
    private static partial Regex ChannelName();

    [GeneratedRegex(@"^-100\d{5,15}$")]
    private static partial Regex ChannelId();
}
