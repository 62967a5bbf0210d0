using Microsoft.Extensions.Options;

namespace Hromada.Core.Community;

internal sealed class CommunityOptionsValidator : IValidateOptions<CommunityOptions>
{
    public ValidateOptionsResult Validate(string? name, CommunityOptions options)
    {
        var failures = new List<string>();
        if (!UrlSetting.IsAbsoluteHttpUrl(options.PrivacyNoticeUrl))
        {
            failures.Add($"{CommunityOptions.Section}:PrivacyNoticeUrl: '{options.PrivacyNoticeUrl}' is not an absolute http(s) URL.");
        }

        try
        {
            TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            failures.Add($"{CommunityOptions.Section}:TimeZone: '{options.TimeZone}' is not a known time zone.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
