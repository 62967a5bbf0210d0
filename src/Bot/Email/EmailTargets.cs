using Hromada.Core.Announcements;

namespace Hromada.Bot.Email;

/// <summary>The e-mail channel's announcement target: letters to the authors of a category.</summary>
internal sealed class EmailTargets(EmailOptions email) : IChannelTargets
{
    private const string Host = EmailOptions.Section + ":Host";

    public IReadOnlyCollection<AnnouncementTarget> Targets { get; } = [AnnouncementTarget.AuthorEmails];

    public SkipReason? Unavailable(AnnouncementTarget target) =>
        email.IsOn ? null : new($"E-mail is off ({Host} is empty).", $"Електронну пошту вимкнено ({Host} не задано).");
}
