namespace Hromada.Core.Announcements;

/// <summary>
/// A channel's answer about the announcement targets it serves: whether each can be used now (and if not, which of
/// its settings is missing) and, for a public post, who the post goes to. Each channel registers one; Core asks them
/// instead of reading their settings.
/// </summary>
public interface IChannelTargets
{
    /// <summary>The targets this channel sends to.</summary>
    IReadOnlyCollection<AnnouncementTarget> Targets { get; }

    /// <summary>Why <paramref name="target"/> cannot be used now, naming the setting, in both languages; null when it can.</summary>
    SkipReason? Unavailable(AnnouncementTarget target);

    /// <summary>The outbox recipient of a public post to <paramref name="target"/>: the channel, Page or account id.</summary>
    string PublicRecipient(AnnouncementTarget target) =>
        throw new ArgumentOutOfRangeException(nameof(target), target, "Not a public post of this channel.");
}
