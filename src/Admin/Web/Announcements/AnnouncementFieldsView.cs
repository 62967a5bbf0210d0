namespace Hromada.Admin.Web.Announcements;

/// <summary>What the announcement form's fields need: the values, the targets and whether placeholders apply.</summary>
public sealed record AnnouncementFieldsView(AnnouncementForm Form, IReadOnlyList<AnnouncementPages.Target> Targets, bool Automatic);
