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

    /// <summary>Why <paramref name="target"/> cannot be used, naming the setting, in English; null when it can.</summary>
    public string? WhyUnavailable(AnnouncementTarget target) => Unavailable(target)?.English;

    /// <summary>Why <paramref name="target"/> cannot be used, naming the setting, in both languages; null when it can.</summary>
    public SkipReason? Unavailable(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramChannel or AnnouncementTarget.TelegramSubscribers when !IsSet(TelegramToken) =>
            new($"Telegram is off ({TelegramToken} is empty).", $"Telegram вимкнено ({TelegramToken} не задано)."),
        AnnouncementTarget.TelegramChannel when string.IsNullOrWhiteSpace(options.Value.TelegramChannel) =>
            new($"No Telegram channel is configured ({AnnouncementOptions.Section}:TelegramChannel is empty).",
                $"Канал Telegram не вказано ({AnnouncementOptions.Section}:TelegramChannel не задано)."),
        AnnouncementTarget.MessengerSubscribers when !IsSet(MessengerToken) =>
            new($"Messenger is off ({MessengerToken} is empty).", $"Messenger вимкнено ({MessengerToken} не задано)."),
        AnnouncementTarget.FacebookPage when !options.Value.FacebookPageFeed =>
            new($"Posting to the Facebook Page is off ({AnnouncementOptions.Section}:FacebookPageFeed is false).",
                $"Публікації на сторінці Facebook вимкнено ({AnnouncementOptions.Section}:FacebookPageFeed = false)."),
        AnnouncementTarget.FacebookPage when !IsSet(MessengerToken) =>
            new($"Messenger is off ({MessengerToken} is empty).", $"Messenger вимкнено ({MessengerToken} не задано)."),
        AnnouncementTarget.FacebookPage when !IsSet(MessengerPageId) =>
            new($"The Page is not known ({MessengerPageId} is empty).", $"Сторінку Facebook не вказано ({MessengerPageId} не задано)."),
        AnnouncementTarget.WebChatSubscribers when string.Equals(configuration[WebChatEnabled], "false", StringComparison.OrdinalIgnoreCase) =>
            new($"The web chat is off ({WebChatEnabled} is false).", $"Вебчат вимкнено ({WebChatEnabled} = false)."),
        AnnouncementTarget.ViberSubscribers when !IsSet(ViberToken) =>
            new($"Viber is off ({ViberToken} is empty).", $"Viber вимкнено ({ViberToken} не задано)."),
        AnnouncementTarget.Instagram when !IsSet(InstagramToken) =>
            new($"Instagram is off ({InstagramToken} is empty).", $"Instagram вимкнено ({InstagramToken} не задано)."),
        AnnouncementTarget.Instagram when !IsSet(InstagramUserId) =>
            new($"The Instagram account is not known ({InstagramUserId} is empty).",
                $"Обліковий запис Instagram не вказано ({InstagramUserId} не задано)."),
        AnnouncementTarget.AuthorEmails when !IsSet(EmailHost) =>
            new($"E-mail is off ({EmailHost} is empty).", $"Електронну пошту вимкнено ({EmailHost} не задано)."),
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

/// <summary>Why nothing is sent to a target, in English (the API, the logs) and Ukrainian (the working group's pages).</summary>
public sealed record SkipReason(string English, string Ukrainian);
