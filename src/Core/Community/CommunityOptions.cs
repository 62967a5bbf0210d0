using System.ComponentModel.DataAnnotations;

namespace Hromada.Core.Community;

/// <summary>Who the service serves: the hromada's name, its time zone and its privacy notice (section <c>Hromada:Community</c>).</summary>
public sealed class CommunityOptions
{
    public const string Section = "Hromada:Community";

    /// <summary>The hromada's name as residents read it, e.g. "Зеленодільська сільська громада".</summary>
    [Required(AllowEmptyStrings = false)]
    public string Name { get; set; } = "";

    /// <summary>IANA time zone used to show dates to people and to count working days.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "Europe/Kyiv";

    /// <summary>Culture used for residents whose language is unknown.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DefaultCulture { get; set; } = "uk-UA";

    /// <summary>Public address of the privacy notice a resident consents to.</summary>
    [Required(AllowEmptyStrings = false)]
    public string PrivacyNoticeUrl { get; set; } = "";

    /// <summary>Version of the privacy notice recorded with each consent.</summary>
    [Required(AllowEmptyStrings = false)]
    public string PrivacyNoticeVersion { get; set; } = "1";
}
