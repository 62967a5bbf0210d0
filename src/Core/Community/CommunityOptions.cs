using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Hromada.Core.Text;

namespace Hromada.Core.Community;

/// <summary>Who the service serves: the hromada's name, its time zone and its privacy notice (section <c>Hromada:Community</c>).</summary>
public sealed class CommunityOptions
{
    public const string Section = "Hromada:Community";

    /// <summary>The hromada's name as residents read it, e.g. "Зеленодільська сільська громада".</summary>
    [Required(AllowEmptyStrings = false)]
    public string Name { get; set; } = "";

    /// <summary>The name in the genitive ("чат-бот Зеленодільської сільської громади"), which no rule can derive.</summary>
    [Required(AllowEmptyStrings = false)]
    public string NameGenitive { get; set; } = "";

    /// <summary>The council that takes proposals on paper, e.g. "Зеленодільська сільська рада" (a city or settlement council elsewhere).</summary>
    [Required(AllowEmptyStrings = false)]
    public string CouncilName { get; set; } = "";

    /// <summary>IANA time zone used to show dates to people and to count working days.</summary>
    [Required(AllowEmptyStrings = false)]
    public string TimeZone { get; set; } = "Europe/Kyiv";

    /// <summary>
    /// Culture used for residents whose language is unknown and for proposals entered by the secretary or imported (a
    /// culture name the system knows; checked at start).
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DefaultCulture { get; set; } = Ukrainian.Name;

    /// <summary><see cref="DefaultCulture"/> as a culture: the language of whatever is not for one resident.</summary>
    public CultureInfo Culture => CultureInfo.GetCultureInfo(DefaultCulture);

    /// <summary>
    /// The culture of a resident's (or a proposal's, or an outbound message's) <paramref name="language"/>; the
    /// hromada's <see cref="Culture"/> when it is not given or not a culture the system knows.
    /// </summary>
    public CultureInfo CultureOf(string? language) =>
        !string.IsNullOrWhiteSpace(language) && CommunityOptionsValidator.IsCulture(language) ? CultureInfo.GetCultureInfo(language) : Culture;

    /// <summary>Where residents reach this service from outside (behind a proxy: the public https address).</summary>
    [Required(AllowEmptyStrings = false)]
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>
    /// The privacy notice a resident consents to: an absolute http(s) URL, or a path on this service
    /// (the default, <c>/privacy.html</c>) that is made absolute with <see cref="PublicBaseUrl"/>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string PrivacyNoticeUrl { get; set; } = "/privacy.html";

    /// <summary>Version of the privacy notice recorded with each consent.</summary>
    [Required(AllowEmptyStrings = false)]
    public string PrivacyNoticeVersion { get; set; } = "1";

    /// <summary>The privacy notice's absolute address, as a link residents can open.</summary>
    public string PrivacyNoticeLink =>
        !UrlSetting.IsAbsoluteHttpUrl(PrivacyNoticeUrl) && Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var baseUrl)
            ? new Uri(baseUrl, PrivacyNoticeUrl).ToString()
            : PrivacyNoticeUrl;
}
