using Hromada.Core.Announcements;

namespace Hromada.Bot.Instagram;

/// <summary>The Instagram channel's announcement target: a post on the hromada's account.</summary>
internal sealed class InstagramTargets(InstagramOptions instagram) : IChannelTargets
{
    private const string Token = InstagramOptions.Section + ":AccessToken";
    private const string UserId = InstagramOptions.Section + ":UserId";

    public IReadOnlyCollection<AnnouncementTarget> Targets { get; } = [AnnouncementTarget.Instagram];

    public SkipReason? Unavailable(AnnouncementTarget target) =>
        !instagram.IsOn ? new($"Instagram is off ({Token} is empty).", $"Instagram вимкнено ({Token} не задано).")
        : string.IsNullOrWhiteSpace(instagram.UserId)
            ? new($"The Instagram account is not known ({UserId} is empty).", $"Обліковий запис Instagram не вказано ({UserId} не задано).")
            : null;

    public string PublicRecipient(AnnouncementTarget target) => target == AnnouncementTarget.Instagram
        ? instagram.UserId.Trim()
        : throw new ArgumentOutOfRangeException(nameof(target), target, "Not a public post.");
}
