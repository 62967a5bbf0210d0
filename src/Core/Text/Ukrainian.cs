using System.Globalization;

namespace Hromada.Core.Text;

/// <summary>
/// Ukrainian, for what is written in Ukrainian whatever a resident speaks: the admin pages, the public pages, the
/// council's documents and reports, Ukrainian grammar (plural forms, case, sorting, folding). A resident's language is
/// not this: it is theirs, or the hromada's <see cref="Community.CommunityOptions.DefaultCulture"/>
/// (<see cref="Community.CommunityOptions.CultureOf"/>).
/// </summary>
public static class Ukrainian
{
    /// <summary>The culture name, also the default of <see cref="Community.CommunityOptions.DefaultCulture"/>.</summary>
    public const string Name = "uk-UA";

    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(Name);
}
