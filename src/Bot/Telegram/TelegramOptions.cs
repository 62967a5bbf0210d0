using Hromada.Core.Community;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Telegram;

/// <summary>How updates arrive from Telegram.</summary>
public enum TelegramMode
{
    /// <summary>The service asks Telegram for updates (works behind NAT, e.g. on a laptop).</summary>
    Polling,

    /// <summary>Telegram posts updates to a public HTTPS address of the service.</summary>
    Webhook,
}

/// <summary>The Telegram channel (section <c>Hromada:Telegram</c>); on when <see cref="Token"/> is set.</summary>
public sealed class TelegramOptions
{
    public const string Section = "Hromada:Telegram";

    /// <summary>The bot's token from @BotFather.</summary>
    public string Token { get; set; } = "";

    /// <summary>Bot API server; change only for a local Bot API server (tests use one on 127.0.0.1).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Webhook mode: the public HTTPS address Telegram posts to (ending in /telegram/webhook).</summary>
    public string WebhookUrl { get; set; } = "";

    /// <summary>Webhook mode: the secret Telegram sends in X-Telegram-Bot-Api-Secret-Token (1–256 of A-Z a-z 0-9 _ -).</summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>
    /// Pushes (decision notices, announcements) a second in all; Telegram allows about 30. Replies to a resident's
    /// message are not held back by it.
    /// </summary>
    public double PushesPerSecond { get; set; } = 30;

    /// <summary>Least time between two pushes to one chat; Telegram asks for about one a second.</summary>
    public TimeSpan PushIntervalPerChat { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsOn => !string.IsNullOrWhiteSpace(Token);
}

internal sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions o)
    {
        var s = TelegramOptions.Section;
        var failures = new List<string>();
        if (!o.IsOn)
        {
            return ValidateOptionsResult.Success;
        }
        var colon = o.Token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(o.Token.AsSpan(0, colon), out _) || colon == o.Token.Length - 1)
        {
            failures.Add($"{s}:Token does not look like a bot token from @BotFather (digits, a colon, then the secret).");
        }
        if (!UrlSetting.IsAbsoluteHttpUrl(o.ApiBaseUrl))
        {
            failures.Add($"{s}:ApiBaseUrl: '{o.ApiBaseUrl}' is not an absolute http(s) URL.");
        }
        if (o.PushesPerSecond is <= 0 or > 1000)
        {
            failures.Add($"{s}:PushesPerSecond must be more than 0 and at most 1000 (Telegram allows about 30).");
        }
        if (o.PushIntervalPerChat < TimeSpan.Zero || o.PushIntervalPerChat > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{s}:PushIntervalPerChat must be between 00:00:00 and 00:10:00.");
        }
        if (!Enum.IsDefined(o.Mode))
        {
            failures.Add($"{s}:Mode must be Polling or Webhook.");
        }
        if (o.Mode == TelegramMode.Webhook)
        {
            if (!Uri.TryCreate(o.WebhookUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add($"{s}:WebhookUrl: webhook mode needs the public https:// address of /telegram/webhook, not '{o.WebhookUrl}'.");
            }
            if (o.WebhookSecret.Length is 0 or > 256 || o.WebhookSecret.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            {
                failures.Add($"{s}:WebhookSecret: webhook mode needs a secret of 1 to 256 characters A-Z, a-z, 0-9, _ and -.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
