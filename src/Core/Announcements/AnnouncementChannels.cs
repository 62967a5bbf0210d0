namespace Hromada.Core.Announcements;

/// <summary>
/// Which targets can be used now, as the channels say (<see cref="IChannelTargets"/>): an announcement to a channel
/// that is off would only pile up undeliverable rows, so it is refused when created and left out when an automatic
/// notice is sent. A target no channel of this service serves is off.
/// </summary>
public sealed class AnnouncementChannels
{
    private readonly Dictionary<AnnouncementTarget, IChannelTargets> _byTarget = [];

    public AnnouncementChannels(IEnumerable<IChannelTargets> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        foreach (var channel in channels)
        {
            foreach (var target in channel.Targets)
            {
                if (!_byTarget.TryAdd(target, channel))
                {
                    throw new InvalidOperationException(
                        $"Two channels serve the announcement target {target}: {_byTarget[target].GetType().Name} and {channel.GetType().Name}.");
                }
            }
        }
    }

    /// <summary>Why <paramref name="target"/> cannot be used, naming the setting, in English; null when it can.</summary>
    public string? WhyUnavailable(AnnouncementTarget target) => Unavailable(target)?.English;

    /// <summary>Why <paramref name="target"/> cannot be used, naming the setting, in both languages; null when it can.</summary>
    public SkipReason? Unavailable(AnnouncementTarget target) => target == AnnouncementTarget.Feed ? null
        : _byTarget.TryGetValue(target, out var channel) ? channel.Unavailable(target)
        : new($"No channel of this service sends to {target}.", $"Цей сервіс не має каналу для цілі «{AnnouncementTargets.Label(target)}».");

    /// <summary>The outbox recipient of a public post: the Telegram channel, the Page id or the Instagram account id.</summary>
    public string PublicRecipient(AnnouncementTarget target) => _byTarget.TryGetValue(target, out var channel)
        ? channel.PublicRecipient(target)
        : throw new ArgumentOutOfRangeException(nameof(target), target, "Not a public post.");
}

/// <summary>Why nothing is sent to a target, in English (the API, the logs) and Ukrainian (the working group's pages).</summary>
public sealed record SkipReason(string English, string Ukrainian);
