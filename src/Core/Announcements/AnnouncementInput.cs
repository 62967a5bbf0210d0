using Hromada.Core.Text;

namespace Hromada.Core.Announcements;

/// <summary>
/// What a person asks for: a text, targets, and either a moment (<see cref="SendAt"/>) or a working-day rule.
/// Target names and the rule's time are strings, so a wrong one is reported by field rather than as unreadable JSON.
/// </summary>
public sealed record AnnouncementInput(
    string? Title,
    [property: TextLimit(AnnouncementTargets.FacebookPostLimit)] string? Text,
    IReadOnlyList<string>? Targets,
    DateTimeOffset? SendAt,
    RuleInput? Rule,
    int? Version = null);

/// <summary>"<see cref="WorkingDays"/> working days after <see cref="After"/>" (or before <see cref="Before"/>) "at <see cref="At"/>" (HH:mm, local).</summary>
public sealed record RuleInput(int? WorkingDays, DateOnly? After, DateOnly? Before, string? At);
