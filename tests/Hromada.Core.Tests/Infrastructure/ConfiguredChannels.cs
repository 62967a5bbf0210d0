using Hromada.Core.Announcements;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Tests.Infrastructure;

/// <summary>
/// Core's tests have no channels (they live in the Bot), so this stands in for them: a target is on while the test's
/// configuration holds what the real channel needs (its token, a Page or account id, the announcement switches). It
/// reads the configuration live, so a test can switch a channel off after the start. The real channels' own reasons
/// are tested in the Bot's tests (DeliveryReportTests, AnnouncementsApi tests).
/// </summary>
internal sealed class ConfiguredChannels(IConfiguration configuration, IOptions<AnnouncementOptions> options) : IChannelTargets
{
    public IReadOnlyCollection<AnnouncementTarget> Targets { get; } = AnnouncementTargets.All.Where(t => t != AnnouncementTarget.Feed).ToArray();

    public SkipReason? Unavailable(AnnouncementTarget target) => IsOn(target) ? null
        : new($"{target} is off in this test.", $"{target} вимкнено в цьому тесті.");

    public string PublicRecipient(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramChannel => options.Value.TelegramChannel.Trim(),
        AnnouncementTarget.FacebookPage => configuration["Hromada:Messenger:PageId"]?.Trim() ?? "",
        AnnouncementTarget.Instagram => configuration["Hromada:Instagram:UserId"]?.Trim() ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Not a public post."),
    };

    private bool IsOn(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramSubscribers => Set("Hromada:Telegram:Token"),
        AnnouncementTarget.TelegramChannel => Set("Hromada:Telegram:Token") && !string.IsNullOrWhiteSpace(options.Value.TelegramChannel),
        AnnouncementTarget.MessengerSubscribers => Set("Hromada:Messenger:PageAccessToken"),
        AnnouncementTarget.FacebookPage => options.Value.FacebookPageFeed && Set("Hromada:Messenger:PageAccessToken") && Set("Hromada:Messenger:PageId"),
        AnnouncementTarget.WebChatSubscribers => !string.Equals(configuration["Hromada:WebChat:Enabled"], "false", StringComparison.OrdinalIgnoreCase),
        AnnouncementTarget.ViberSubscribers => Set("Hromada:Viber:AuthToken"),
        AnnouncementTarget.Instagram => Set("Hromada:Instagram:AccessToken") && Set("Hromada:Instagram:UserId"),
        AnnouncementTarget.AuthorEmails => Set("Hromada:Email:Host"),
        _ => true,
    };

    private bool Set(string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
