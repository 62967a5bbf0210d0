using System.Globalization;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Community;

internal sealed class CommunityOptionsValidator : IValidateOptions<CommunityOptions>
{
    public ValidateOptionsResult Validate(string? name, CommunityOptions options)
    {
        var failures = new List<string>();
        if (!UrlSetting.IsAbsoluteHttpUrl(options.PublicBaseUrl))
        {
            failures.Add($"{CommunityOptions.Section}:PublicBaseUrl: '{options.PublicBaseUrl}' is not an absolute http(s) URL.");
        }
        if (!UrlSetting.IsAbsoluteHttpUrl(options.PrivacyNoticeUrl) && !IsPathOnThisService(options.PrivacyNoticeUrl))
        {
            failures.Add($"{CommunityOptions.Section}:PrivacyNoticeUrl: '{options.PrivacyNoticeUrl}' is neither an absolute http(s) URL nor a path starting with '/'.");
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            failures.Add($"{CommunityOptions.Section}:TimeZone: '{options.TimeZone}' is not a known time zone.");
        }

        if (!IsCulture(options.DefaultCulture))
        {
            failures.Add($"{CommunityOptions.Section}:DefaultCulture: '{options.DefaultCulture}' is not a culture name this system knows (e.g. uk-UA).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Whether <paramref name="name"/> is a culture the system knows (ICU's list), not one .NET would make up.</summary>
    internal static bool IsCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }
        try
        {
            return CultureInfo.GetCultureInfo(name, predefinedOnly: true) is not null;
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool IsPathOnThisService(string? value) =>
        value is { Length: > 1 } && value[0] == '/' && value[1] != '/' && !value.Any(char.IsWhiteSpace)
        && Uri.IsWellFormedUriString(value, UriKind.Relative);
}
