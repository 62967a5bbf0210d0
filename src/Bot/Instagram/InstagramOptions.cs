using System.Text.RegularExpressions;
using Hromada.Core.Community;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Instagram;

/// <summary>
/// The hromada's Instagram professional account that announcements are published to (section <c>Hromada:Instagram</c>).
/// Off without an access token.
/// </summary>
public sealed class InstagramOptions
{
    public const string Section = "Hromada:Instagram";

    /// <summary>
    /// An access token with <c>instagram_basic</c> and <c>instagram_content_publish</c> (and <c>pages_read_engagement</c>)
    /// for the account linked to the Page; empty turns Instagram off.
    /// </summary>
    public string AccessToken { get; set; } = "";

    /// <summary>The Instagram professional account's id (the IG User id the Graph API gives for the linked Page).</summary>
    public string UserId { get; set; } = "";

    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";

    public string GraphApiVersion { get; set; } = "v25.0";

    /// <summary>How many times a new media container's status is read before the post is given up as not ready.</summary>
    public int StatusChecks { get; set; } = 10;

    /// <summary>The wait between two status reads of a container that is still IN_PROGRESS.</summary>
    public TimeSpan StatusCheckInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Wait after a throttling error (codes 4, 9, 17, 32, 613 or HTTP 429), which carries no retry-after of its own.</summary>
    public TimeSpan ThrottleWait { get; set; } = TimeSpan.FromMinutes(5);

    public bool IsOn => !string.IsNullOrWhiteSpace(AccessToken);
}

internal sealed partial class InstagramOptionsValidator : IValidateOptions<InstagramOptions>
{
    public ValidateOptionsResult Validate(string? name, InstagramOptions options)
    {
        if (!options.IsOn)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (!IdPattern().IsMatch(options.UserId ?? ""))
        {
            failures.Add($"{InstagramOptions.Section}:UserId: '{options.UserId}' is not an Instagram account id (digits); it is required when AccessToken is set.");
        }
        if (!UrlSetting.IsAbsoluteHttpUrl(options.GraphApiBaseUrl))
        {
            failures.Add($"{InstagramOptions.Section}:GraphApiBaseUrl: '{options.GraphApiBaseUrl}' is not an absolute http(s) URL.");
        }
        if (!VersionPattern().IsMatch(options.GraphApiVersion ?? ""))
        {
            failures.Add($"{InstagramOptions.Section}:GraphApiVersion: '{options.GraphApiVersion}' is not a Graph API version like v25.0.");
        }
        if (options.StatusChecks is < 1 or > 100)
        {
            failures.Add($"{InstagramOptions.Section}:StatusChecks must be between 1 and 100.");
        }
        if (options.StatusCheckInterval < TimeSpan.Zero || options.StatusCheckInterval > TimeSpan.FromMinutes(1))
        {
            failures.Add($"{InstagramOptions.Section}:StatusCheckInterval must be between 00:00:00 and 00:01:00.");
        }
        if (options.ThrottleWait <= TimeSpan.Zero || options.ThrottleWait > TimeSpan.FromHours(24))
        {
            failures.Add($"{InstagramOptions.Section}:ThrottleWait must be more than 00:00:00 and at most 1.00:00:00.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^\d{1,30}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^v\d{1,3}\.\d{1,2}$")]
    private static partial Regex VersionPattern();
}
