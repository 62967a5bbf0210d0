using Hromada.Core.Community;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Viber;

/// <summary>The Viber bot the service answers for (section <c>Hromada:Viber</c>). The channel is off without an auth token.</summary>
public sealed class ViberOptions
{
    public const string Section = "Hromada:Viber";

    /// <summary>The bot's authentication token (Viber Admin Panel); signs every callback and goes in X-Viber-Auth-Token. Empty turns the channel off.</summary>
    public string AuthToken { get; set; } = "";

    /// <summary>The sender name shown on every message (at most 28 characters).</summary>
    public string BotName { get; set; } = "";

    /// <summary>The sender avatar (a public image URL, about 720×720 and under 100 KB); empty for none.</summary>
    public string AvatarUrl { get; set; } = "";

    /// <summary>The public https URL of <c>/webhooks/viber</c> registered with set_webhook at start-up; empty registers nothing.</summary>
    public string WebhookUrl { get; set; } = "";

    public string ApiBaseUrl { get; set; } = "https://chatapi.viber.com/pa";

    /// <summary>Wait after Viber answers tooManyRequests (status 12), which carries no retry-after; pushes pause for it.</summary>
    public TimeSpan ThrottleWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Pushes (decision notices, announcement copies) a second in all.</summary>
    public double PushesPerSecond { get; set; } = 50;

    /// <summary>Receivers in one broadcast_message call (Viber allows at most 300).</summary>
    public int BroadcastBatchSize { get; set; } = ViberLayout.MaxBroadcastReceivers;

    public bool IsOn => !string.IsNullOrWhiteSpace(AuthToken);
}

internal sealed class ViberOptionsValidator : IValidateOptions<ViberOptions>
{
    public ValidateOptionsResult Validate(string? name, ViberOptions options)
    {
        if (!options.IsOn)
        {
            return ValidateOptionsResult.Skip;
        }

        var failures = new List<string>();
        var s = ViberOptions.Section;
        if (string.IsNullOrWhiteSpace(options.BotName) || options.BotName.Trim().Length > ViberLayout.MaxSenderName)
        {
            failures.Add($"{s}:BotName is required when AuthToken is set and must be at most {ViberLayout.MaxSenderName} characters (Viber's limit for the sender name).");
        }
        if (!string.IsNullOrWhiteSpace(options.AvatarUrl) && !UrlSetting.IsAbsoluteHttpUrl(options.AvatarUrl))
        {
            failures.Add($"{s}:AvatarUrl: '{options.AvatarUrl}' is not an absolute http(s) URL.");
        }
        if (!string.IsNullOrWhiteSpace(options.WebhookUrl)
            && !(Uri.TryCreate(options.WebhookUrl, UriKind.Absolute, out var hook) && hook.Scheme == Uri.UriSchemeHttps))
        {
            failures.Add($"{s}:WebhookUrl: '{options.WebhookUrl}' is not an absolute https URL (Viber calls only https webhooks with a trusted certificate).");
        }
        if (!UrlSetting.IsAbsoluteHttpUrl(options.ApiBaseUrl))
        {
            failures.Add($"{s}:ApiBaseUrl: '{options.ApiBaseUrl}' is not an absolute http(s) URL.");
        }
        if (options.ThrottleWait <= TimeSpan.Zero || options.ThrottleWait > TimeSpan.FromHours(1))
        {
            failures.Add($"{s}:ThrottleWait must be more than 00:00:00 and at most 01:00:00.");
        }
        if (options.PushesPerSecond is <= 0 or > 1000)
        {
            failures.Add($"{s}:PushesPerSecond must be more than 0 and at most 1000.");
        }
        if (options.BroadcastBatchSize is < 1 or > ViberLayout.MaxBroadcastReceivers)
        {
            failures.Add($"{s}:BroadcastBatchSize must be between 1 and {ViberLayout.MaxBroadcastReceivers} (Viber's limit for broadcast_message).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
