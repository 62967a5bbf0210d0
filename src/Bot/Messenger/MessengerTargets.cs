using Hromada.Core.Announcements;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Messenger;

/// <summary>The Messenger channel's announcement targets: its subscribers and, when switched on, the Facebook Page's feed.</summary>
internal sealed class MessengerTargets(MessengerOptions messenger, IOptions<AnnouncementOptions> announcements) : IChannelTargets
{
    private const string Token = MessengerOptions.Section + ":PageAccessToken";
    private const string PageId = MessengerOptions.Section + ":PageId";

    public IReadOnlyCollection<AnnouncementTarget> Targets { get; } = [AnnouncementTarget.MessengerSubscribers, AnnouncementTarget.FacebookPage];

    public SkipReason? Unavailable(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.FacebookPage when !announcements.Value.FacebookPageFeed =>
            new($"Posting to the Facebook Page is off ({AnnouncementOptions.Section}:FacebookPageFeed is false).",
                $"Публікації на сторінці Facebook вимкнено ({AnnouncementOptions.Section}:FacebookPageFeed = false)."),
        _ when !messenger.IsOn => new($"Messenger is off ({Token} is empty).", $"Messenger вимкнено ({Token} не задано)."),
        AnnouncementTarget.FacebookPage when string.IsNullOrWhiteSpace(messenger.PageId) =>
            new($"The Page is not known ({PageId} is empty).", $"Сторінку Facebook не вказано ({PageId} не задано)."),
        _ => null,
    };

    public string PublicRecipient(AnnouncementTarget target) => target == AnnouncementTarget.FacebookPage
        ? messenger.PageId.Trim()
        : throw new ArgumentOutOfRangeException(nameof(target), target, "Not a public post.");
}
