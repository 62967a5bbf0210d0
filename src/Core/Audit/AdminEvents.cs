using Hromada.Core.Access;
using Hromada.Core.Announcements;

namespace Hromada.Core.Audit;

/// <summary>
/// An announcement as it will be sent: a rule (automatic notices) or a time, the targets; a letter to a group also says
/// the group and the letter it carries.
/// </summary>
public sealed record AnnouncementState(
    string? Title, string Text, DateTimeOffset SendAt, WorkingDayRule? Rule, IReadOnlyList<AnnouncementTarget> Targets,
    string? Group = null, string? Letter = null)
{
    public static AnnouncementState Of(Announcement a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Title, a.Text, a.SendAt, a.Rule, a.Targets.Select(t => t.Target).ToList());
    }
}

/// <summary>An announcement was created (by hand, or a letter to a group).</summary>
public sealed record AnnouncementCreated(AnnouncementState After) : AuditChange<AnnouncementState, AnnouncementState>(null, After)
{
    public override string EntityType => nameof(Announcement);

    public override string Kind => "announcement.created";

    public override string Action => "Created";
}

/// <summary>A scheduled announcement was edited.</summary>
public sealed record AnnouncementEdited(AnnouncementState? Before, AnnouncementState After) : AuditChange<AnnouncementState, AnnouncementState>(Before, After)
{
    public override string EntityType => nameof(Announcement);

    public override string Kind => "announcement.edited";

    public override string Action => "Edited";
}

/// <summary>An announcement's status.</summary>
public sealed record AnnouncementStatusState(AnnouncementStatus Status);

/// <summary>A scheduled announcement was cancelled.</summary>
public sealed record AnnouncementCancelled(AnnouncementStatusState? Before, AnnouncementStatusState After)
    : AuditChange<AnnouncementStatusState, AnnouncementStatusState>(Before, After)
{
    public override string EntityType => nameof(Announcement);

    public override string Kind => "announcement.cancelled";

    public override string Action => "Cancelled";
}

/// <summary>
/// A letter as sent: subject and body, how many it went to — never the addresses. A letter to listed addresses says
/// how many were not addresses or given twice; a letter to a group names the group and the announcement that carries it.
/// </summary>
public sealed record LetterState(string Subject, string Body, int Recipients, int? Invalid = null, int? Duplicates = null, string? Group = null, long? Announcement = null);

/// <summary>A letter was sent.</summary>
public sealed record LetterDispatched(LetterState After) : AuditChange<LetterState, LetterState>(null, After)
{
    public override string EntityType => "Letter";

    public override string Kind => "letter.sent";

    public override string Action => "Letter sent";
}

/// <summary>An admin API key as created (its secret is never recorded).</summary>
public sealed record ApiKeyState(string Name, AdminRole Role, int? ReviewBodyId);

/// <summary>An admin API key was created.</summary>
public sealed record ApiKeyCreated(ApiKeyState After) : AuditChange<ApiKeyState, ApiKeyState>(null, After)
{
    public override string EntityType => "ApiKey";

    public override string Kind => "api-key.created";

    public override string Action => "Created";
}

/// <summary>When a key was revoked.</summary>
public sealed record RevocationState(DateTimeOffset? RevokedAt);

/// <summary>An admin API key was revoked.</summary>
public sealed record ApiKeyRevoked(RevocationState After) : AuditChange<RevocationState, RevocationState>(null, After)
{
    public override string EntityType => "ApiKey";

    public override string Kind => "api-key.revoked";

    public override string Action => "Revoked";
}

/// <summary>A review body's contacts: its Telegram chat and e-mail addresses (comma-separated, as stored).</summary>
public sealed record ContactsState(string? TelegramChat, string Emails);

/// <summary>A review body's contacts were set on the page or through the API.</summary>
public sealed record ReviewBodyContactsChanged(ContactsState? Before, ContactsState After) : AuditChange<ContactsState, ContactsState>(Before, After)
{
    public override string EntityType => "ReviewBody";

    public override string Kind => "review-body.contacts";

    public override string Action => "Contacts";
}

/// <summary>The query of an export (its filters).</summary>
public sealed record ExportState(string? Query);

/// <summary>Proposals were exported with their authors' personal data (the entry's key is the format).</summary>
public sealed record PersonalDataExported(ExportState After) : AuditChange<ExportState, ExportState>(null, After)
{
    public override string EntityType => "Export";

    public override string Kind => "export.personal-data";

    public override string Action => "Exported with personal data";
}
