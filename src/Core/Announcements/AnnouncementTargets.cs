using Hromada.Core.Proposals;

namespace Hromada.Core.Announcements;

/// <summary>What each target is on the wire: its channel, whether it is a public post, and its text limit.</summary>
public static class AnnouncementTargets
{
    /// <summary>Telegram's limit for one message or channel post.</summary>
    public const int TelegramLimit = 4096;

    /// <summary>Messenger's limit for one text message.</summary>
    public const int MessengerLimit = 2000;

    /// <summary>Viber's limit for one text message.</summary>
    public const int ViberLimit = 7000;

    /// <summary>Facebook's limit for a Page post.</summary>
    public const int FacebookPostLimit = 63206;

    /// <summary>What the web chat and the feed accept (no platform limit; a bound against mistakes).</summary>
    public const int OwnLimit = 20000;

    public static IReadOnlyList<AnnouncementTarget> All { get; } = Enum.GetValues<AnnouncementTarget>();

    public static int MaxLength(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramChannel or AnnouncementTarget.TelegramSubscribers => TelegramLimit,
        AnnouncementTarget.MessengerSubscribers => MessengerLimit,
        AnnouncementTarget.FacebookPage => FacebookPostLimit,
        AnnouncementTarget.ViberSubscribers => ViberLimit,
        _ => OwnLimit,
    };

    /// <summary>The outbox channel of the target's rows; null for the feed, which has none.</summary>
    public static Channel? Channel(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramChannel or AnnouncementTarget.TelegramSubscribers => Proposals.Channel.Telegram,
        AnnouncementTarget.MessengerSubscribers or AnnouncementTarget.FacebookPage => Proposals.Channel.Messenger,
        AnnouncementTarget.WebChatSubscribers => Proposals.Channel.WebChat,
        AnnouncementTarget.ViberSubscribers => Proposals.Channel.Viber,
        _ => null,
    };

    public static bool IsPublicPost(AnnouncementTarget target) =>
        target is AnnouncementTarget.TelegramChannel or AnnouncementTarget.FacebookPage;

    public static bool IsSubscribers(AnnouncementTarget target) =>
        target is AnnouncementTarget.TelegramSubscribers or AnnouncementTarget.MessengerSubscribers or AnnouncementTarget.WebChatSubscribers
            or AnnouncementTarget.ViberSubscribers;

    /// <summary>The target an outbox row belongs to, from its channel and whether it is a public post.</summary>
    public static AnnouncementTarget? FromRow(Channel channel, bool isPublicPost) => (channel, isPublicPost) switch
    {
        (Proposals.Channel.Telegram, true) => AnnouncementTarget.TelegramChannel,
        (Proposals.Channel.Telegram, false) => AnnouncementTarget.TelegramSubscribers,
        (Proposals.Channel.Messenger, true) => AnnouncementTarget.FacebookPage,
        (Proposals.Channel.Messenger, false) => AnnouncementTarget.MessengerSubscribers,
        (Proposals.Channel.WebChat, false) => AnnouncementTarget.WebChatSubscribers,
        (Proposals.Channel.Viber, false) => AnnouncementTarget.ViberSubscribers,
        _ => null,
    };

    /// <summary>Parses a target name as the API and configuration write it, ignoring case.</summary>
    public static bool TryParse(string? value, out AnnouncementTarget target) =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out target) && Enum.IsDefined(target) && !int.TryParse(value, out _);
}
