using Hromada.Core.Announcements;

namespace Hromada.Bot.WebChat;

/// <summary>The web chat's announcement target: its subscribers, on their next visit.</summary>
internal sealed class WebChatTargets(bool enabled) : IChannelTargets
{
    private const string Enabled = WebChatOptions.Section + ":Enabled";

    public IReadOnlyCollection<AnnouncementTarget> Targets { get; } = [AnnouncementTarget.WebChatSubscribers];

    public SkipReason? Unavailable(AnnouncementTarget target) =>
        enabled ? null : new($"The web chat is off ({Enabled} is false).", $"Вебчат вимкнено ({Enabled} = false).");
}
