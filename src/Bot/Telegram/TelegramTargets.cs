using Hromada.Core.Announcements;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Telegram;

/// <summary>The Telegram channel's announcement targets: its subscribers, and the hromada's channel when one is named.</summary>
internal sealed class TelegramTargets(TelegramOptions telegram, IOptions<AnnouncementOptions> announcements) : IChannelTargets
{
    private const string Token = TelegramOptions.Section + ":Token";

    public IReadOnlyCollection<AnnouncementTarget> Targets { get; } = [AnnouncementTarget.TelegramChannel, AnnouncementTarget.TelegramSubscribers];

    public SkipReason? Unavailable(AnnouncementTarget target) => target switch
    {
        _ when !telegram.IsOn => new($"Telegram is off ({Token} is empty).", $"Telegram вимкнено ({Token} не задано)."),
        AnnouncementTarget.TelegramChannel when string.IsNullOrWhiteSpace(announcements.Value.TelegramChannel) =>
            new($"No Telegram channel is configured ({AnnouncementOptions.Section}:TelegramChannel is empty).",
                $"Канал Telegram не вказано ({AnnouncementOptions.Section}:TelegramChannel не задано)."),
        _ => null,
    };

    public string PublicRecipient(AnnouncementTarget target) => target == AnnouncementTarget.TelegramChannel
        ? announcements.Value.TelegramChannel.Trim()
        : throw new ArgumentOutOfRangeException(nameof(target), target, "Not a public post.");
}
