using System.Text.RegularExpressions;
using Hromada.Core.Proposals;
using Hromada.Core.Text;
using Hromada.Core.Validation;

namespace Hromada.Core.Announcements;

/// <summary>What each target is on the wire: its channel, whether it is a public post, and its text limit.</summary>
public static partial class AnnouncementTargets
{
    /// <summary>Telegram's limit for one message or channel post.</summary>
    public const int TelegramLimit = 4096;

    /// <summary>Messenger's limit for one text message.</summary>
    public const int MessengerLimit = 2000;

    /// <summary>Viber's limit for one text message.</summary>
    public const int ViberLimit = 7000;

    /// <summary>Facebook's limit for a Page post.</summary>
    public const int FacebookPostLimit = 63206;

    /// <summary>Instagram's limits for a post's caption: characters, hashtags and @-mentions.</summary>
    public const int InstagramCaptionLimit = 2200;
    public const int InstagramHashtagLimit = 30;
    public const int InstagramMentionLimit = 20;

    /// <summary>What the web chat and the feed accept (no platform limit; a bound against mistakes).</summary>
    public const int OwnLimit = 20000;

    public static IReadOnlyList<AnnouncementTarget> All { get; } = Enum.GetValues<AnnouncementTarget>();

    /// <summary>The targets an announcement may choose: every one but those only a letter sends (<see cref="IsLetterOnly"/>).</summary>
    public static IReadOnlyList<AnnouncementTarget> ForAnnouncements { get; } = All.Where(t => !IsLetterOnly(t)).ToArray();

    /// <summary>What the working group's page and the API's Ukrainian messages call the target.</summary>
    public static string Label(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramChannel => "Telegram-канал громади",
        AnnouncementTarget.TelegramSubscribers => "підписники в Telegram",
        AnnouncementTarget.MessengerSubscribers => "підписники в Messenger",
        AnnouncementTarget.WebChatSubscribers => "підписники вебчату",
        AnnouncementTarget.ViberSubscribers => "підписники у Viber",
        AnnouncementTarget.FacebookPage => "сторінка громади у Facebook",
        AnnouncementTarget.Feed => "стрічка новин для сайту (Atom)",
        AnnouncementTarget.Instagram => "Instagram громади (картка з підписом)",
        AnnouncementTarget.AuthorEmails => "e-mail авторам обраної категорії",
        _ => target.ToString(),
    };

    public static int MaxLength(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramChannel or AnnouncementTarget.TelegramSubscribers => TelegramLimit,
        AnnouncementTarget.MessengerSubscribers => MessengerLimit,
        AnnouncementTarget.FacebookPage => FacebookPostLimit,
        AnnouncementTarget.ViberSubscribers => ViberLimit,
        AnnouncementTarget.Instagram => InstagramCaptionLimit,
        _ => OwnLimit,
    };

    /// <summary>The outbox channel of the target's rows; null for the feed, which has none.</summary>
    public static Channel? Channel(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramChannel or AnnouncementTarget.TelegramSubscribers => Proposals.Channel.Telegram,
        AnnouncementTarget.MessengerSubscribers or AnnouncementTarget.FacebookPage => Proposals.Channel.Messenger,
        AnnouncementTarget.WebChatSubscribers => Proposals.Channel.WebChat,
        AnnouncementTarget.ViberSubscribers => Proposals.Channel.Viber,
        AnnouncementTarget.Instagram => Proposals.Channel.Instagram,
        AnnouncementTarget.AuthorEmails => Proposals.Channel.Email,
        _ => null,
    };

    /// <summary>
    /// Targets only a letter (the working group's letters page) sends: they reach authors' e-mail addresses, which the
    /// communications office's announcements may not use.
    /// </summary>
    public static bool IsLetterOnly(AnnouncementTarget target) => target is AnnouncementTarget.AuthorEmails;

    public static bool IsPublicPost(AnnouncementTarget target) =>
        target is AnnouncementTarget.TelegramChannel or AnnouncementTarget.FacebookPage or AnnouncementTarget.Instagram;

    /// <summary>Targets whose post is the announcement's picture card (<see cref="AnnouncementCard"/>).</summary>
    public static bool HasCard(AnnouncementTarget target) => target is AnnouncementTarget.Instagram;

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
        (Proposals.Channel.Instagram, true) => AnnouncementTarget.Instagram,
        (Proposals.Channel.Email, false) => AnnouncementTarget.AuthorEmails,
        _ => null,
    };

    /// <summary>
    /// Why an announcement with <paramref name="title"/> and <paramref name="text"/> (as sent) does not fit
    /// <paramref name="target"/> beyond its length limit, with the field to blame; null when it fits. Instagram counts a
    /// caption's hashtags and @-mentions, and the card's headline (the title, or the text's first line) must fit the card.
    /// </summary>
    public static FieldError? Unfit(AnnouncementTarget target, string? title, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasCard(target))
        {
            return null;
        }
        var hashtags = Hashtag().Count(text);
        if (hashtags > InstagramHashtagLimit)
        {
            return new FieldError("text", $"The text has {hashtags} hashtags; {target} allows at most {InstagramHashtagLimit}.",
                $"У тексті {hashtags} хештегів, а Instagram дозволяє щонайбільше {InstagramHashtagLimit} у підписі: приберіть зайві.");
        }
        var mentions = Mention().Count(text);
        if (mentions > InstagramMentionLimit)
        {
            return new FieldError("text", $"The text has {mentions} @-mentions; {target} allows at most {InstagramMentionLimit}.",
                $"У тексті {mentions} згадок (@), а Instagram дозволяє щонайбільше {InstagramMentionLimit} у підписі: приберіть зайві.");
        }
        var (headline, _) = AnnouncementCard.Split(title, text);
        if (!AnnouncementCard.HeadlineFits(headline))
        {
            return string.IsNullOrWhiteSpace(title)
                ? new FieldError("text", $"Without a title the card's headline is the text's first line, and it does not fit {target}'s card; give a shorter title.",
                    "Без назви заголовком картки для Instagram стає перший рядок тексту, а він не вміщується: додайте коротшу назву.")
                : new FieldError("title", $"The title does not fit {target}'s card; shorten it.", "Назва не вміщується на картку для Instagram: скоротіть її.");
        }
        return null;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])#[\p{L}\p{N}_]+")]
    private static partial Regex Hashtag();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.])@[\p{L}\p{N}_.]+")]
    private static partial Regex Mention();

    /// <summary>Parses a target name as the API and configuration write it, ignoring case.</summary>
    public static bool TryParse(string? value, out AnnouncementTarget target) =>
        Enum.TryParse(value?.Trim(), ignoreCase: true, out target) && Enum.IsDefined(target) && !int.TryParse(value, out _);
}
