using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Announcements;

/// <summary>
/// Which targets can be used now, read from the channels' settings: an announcement to a channel that is off would
/// only pile up undeliverable rows, so it is refused when created and left out when an automatic notice is sent.
/// </summary>
public sealed class AnnouncementChannels(IConfiguration configuration, IOptions<AnnouncementOptions> options)
{
    private const string TelegramToken = "Hromada:Telegram:Token";
    private const string MessengerToken = "Hromada:Messenger:PageAccessToken";
    private const string MessengerPageId = "Hromada:Messenger:PageId";
    private const string WebChatEnabled = "Hromada:WebChat:Enabled";
    private const string ViberToken = "Hromada:Viber:AuthToken";
    private const string InstagramToken = "Hromada:Instagram:AccessToken";
    private const string InstagramUserId = "Hromada:Instagram:UserId";
    private const string EmailHost = "Hromada:Email:Host";

    /// <summary>Why <paramref name="target"/> cannot be used, naming the setting; null when it can.</summary>
    public string? WhyUnavailable(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramChannel when !IsSet(TelegramToken) => $"Telegram is off ({TelegramToken} is empty).",
        AnnouncementTarget.TelegramChannel when string.IsNullOrWhiteSpace(options.Value.TelegramChannel) =>
            $"No Telegram channel is configured ({AnnouncementOptions.Section}:TelegramChannel is empty).",
        AnnouncementTarget.TelegramSubscribers when !IsSet(TelegramToken) => $"Telegram is off ({TelegramToken} is empty).",
        AnnouncementTarget.MessengerSubscribers when !IsSet(MessengerToken) => $"Messenger is off ({MessengerToken} is empty).",
        AnnouncementTarget.FacebookPage when !options.Value.FacebookPageFeed =>
            $"Posting to the Facebook Page is off ({AnnouncementOptions.Section}:FacebookPageFeed is false).",
        AnnouncementTarget.FacebookPage when !IsSet(MessengerToken) => $"Messenger is off ({MessengerToken} is empty).",
        AnnouncementTarget.FacebookPage when !IsSet(MessengerPageId) => $"The Page is not known ({MessengerPageId} is empty).",
        AnnouncementTarget.WebChatSubscribers when string.Equals(configuration[WebChatEnabled], "false", StringComparison.OrdinalIgnoreCase) =>
            $"The web chat is off ({WebChatEnabled} is false).",
        AnnouncementTarget.ViberSubscribers when !IsSet(ViberToken) => $"Viber is off ({ViberToken} is empty).",
        AnnouncementTarget.Instagram when !IsSet(InstagramToken) => $"Instagram is off ({InstagramToken} is empty).",
        AnnouncementTarget.Instagram when !IsSet(InstagramUserId) => $"The Instagram account is not known ({InstagramUserId} is empty).",
        AnnouncementTarget.AuthorEmails when !IsSet(EmailHost) => $"E-mail is off ({EmailHost} is empty).",
        _ => null,
    };

    /// <summary>The outbox recipient of a public post: the Telegram channel, the Page id or the Instagram account id.</summary>
    public string PublicRecipient(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramChannel => options.Value.TelegramChannel.Trim(),
        AnnouncementTarget.FacebookPage => configuration[MessengerPageId]?.Trim() ?? "",
        AnnouncementTarget.Instagram => configuration[InstagramUserId]?.Trim() ?? "",
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Not a public post."),
    };

    private bool IsSet(string key) => !string.IsNullOrWhiteSpace(configuration[key]);
}
