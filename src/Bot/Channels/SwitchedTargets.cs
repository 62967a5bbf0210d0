using Hromada.Core.Announcements;

namespace Hromada.Bot.Channels;

/// <summary>
/// A channel that serves one announcement target and is on or off by one setting (Viber, e-mail, the web chat): on,
/// the target can be used; off, <paramref name="off"/> says which setting is missing.
/// </summary>
internal sealed class SwitchedTargets(AnnouncementTarget served, bool isOn, SkipReason off) : IChannelTargets
{
    public IReadOnlyCollection<AnnouncementTarget> Targets { get; } = [served];

    public SkipReason? Unavailable(AnnouncementTarget target) => isOn ? null : off;
}
