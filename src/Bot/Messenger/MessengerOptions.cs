using System.Text.RegularExpressions;
using Hromada.Core.Community;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Messenger;

/// <summary>The Facebook Page the bot answers for (section <c>Hromada:Messenger</c>). The channel is off without a page token.</summary>
public sealed class MessengerOptions
{
    public const string Section = "Hromada:Messenger";

    /// <summary>The Page access token used with the Send API; empty turns the channel off.</summary>
    public string PageAccessToken { get; set; } = "";

    /// <summary>The Meta app secret; every webhook POST is signed with it (X-Hub-Signature-256).</summary>
    public string AppSecret { get; set; } = "";

    /// <summary>The token typed into the app's webhook settings; the verification GET must carry it.</summary>
    public string VerifyToken { get; set; } = "";

    /// <summary>The Page id (only used in logs and to skip the Page's own events).</summary>
    public string PageId { get; set; } = "";

    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";

    public string GraphApiVersion { get; set; } = "v25.0";

    /// <summary>Set the Get Started button and the greeting through the Messenger Profile API at start-up.</summary>
    public bool SetUpProfile { get; set; }

    /// <summary>
    /// Wait after Meta answers with a throttling error (codes 4, 17, 32, 613 or HTTP 429), which carries no
    /// retry-after of its own; pushes to every Messenger resident pause for it, a reply only for that resident.
    /// </summary>
    public TimeSpan ThrottleWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pushes (decision notices, announcements) a second in all.</summary>
    public double PushesPerSecond { get; set; } = 20;

    public bool IsOn => !string.IsNullOrWhiteSpace(PageAccessToken);
}

internal sealed partial class MessengerOptionsValidator : IValidateOptions<MessengerOptions>
{
    public ValidateOptionsResult Validate(string? name, MessengerOptions options)
    {
        if (!options.IsOn)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.AppSecret))
        {
            failures.Add($"{MessengerOptions.Section}:AppSecret is required when PageAccessToken is set (webhook signatures are checked with it).");
        }
        if (string.IsNullOrWhiteSpace(options.VerifyToken))
        {
            failures.Add($"{MessengerOptions.Section}:VerifyToken is required when PageAccessToken is set (the webhook verification needs it).");
        }
        if (!UrlSetting.IsAbsoluteHttpUrl(options.GraphApiBaseUrl))
        {
            failures.Add($"{MessengerOptions.Section}:GraphApiBaseUrl: '{options.GraphApiBaseUrl}' is not an absolute http(s) URL.");
        }
        if (!VersionPattern().IsMatch(options.GraphApiVersion ?? ""))
        {
            failures.Add($"{MessengerOptions.Section}:GraphApiVersion: '{options.GraphApiVersion}' is not a Graph API version like v25.0.");
        }
        if (options.ThrottleWait <= TimeSpan.Zero || options.ThrottleWait > TimeSpan.FromHours(1))
        {
            failures.Add($"{MessengerOptions.Section}:ThrottleWait must be more than 00:00:00 and at most 01:00:00.");
        }
        if (options.PushesPerSecond is <= 0 or > 1000)
        {
            failures.Add($"{MessengerOptions.Section}:PushesPerSecond must be more than 0 and at most 1000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^v\d{1,3}\.\d{1,2}$")]
    private static partial Regex VersionPattern();
}
