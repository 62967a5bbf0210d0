using Hromada.Core.Announcements;

namespace Hromada.Bot.Viber;

/// <summary>The Viber channel's announcement target: its subscribers.</summary>
internal sealed class ViberTargets(ViberOptions viber) : IChannelTargets
{
    private const string Token = ViberOptions.Section + ":AuthToken";

    public IReadOnlyCollection<AnnouncementTarget> Targets { get; } = [AnnouncementTarget.ViberSubscribers];

    public SkipReason? Unavailable(AnnouncementTarget target) =>
        viber.IsOn ? null : new($"Viber is off ({Token} is empty).", $"Viber вимкнено ({Token} не задано).");
}
