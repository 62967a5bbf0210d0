using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Security;

/// <summary>What the public may send and how pages may be shown (section <c>Hromada:Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Hromada:Security";

    /// <summary>
    /// Largest request body, in bytes, counted as it is read (a chunked body without Content-Length is cut off too).
    /// Only the Google Forms import takes more (20 MB).
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Who may show the chat in a frame (CSP <c>frame-ancestors</c>): <c>'self'</c>, <c>'none'</c> or origins such as
    /// <c>https://your-hromada.gov.ua</c> (the council's site that embeds <c>/webchat/embed.js</c>). Empty means <c>'self'</c>.
    /// </summary>
    public List<string> FrameAncestors { get; set; } = [];

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public RateLimitSettings RateLimits { get; set; } = new();

    /// <summary>The <c>frame-ancestors</c> sources, <c>'self'</c> when none is configured.</summary>
    public IReadOnlyList<string> FrameAncestorSources => FrameAncestors.Count == 0 ? ["'self'"] : FrameAncestors;
}

/// <summary>
/// Reverse proxies whose <c>X-Forwarded-For</c> is believed (section <c>Hromada:Security:ForwardedHeaders</c>). This
/// machine (loopback) is always trusted, so a proxy on the same server needs nothing here; a header from any other
/// caller is ignored, so no client can choose the address its rate limit is counted against.
/// </summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>Addresses of proxies in front of the service, e.g. <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of proxies in front of the service, in CIDR notation, e.g. <c>10.0.0.0/24</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

/// <summary>Requests one client (one address; one /64 for IPv6) may make in a minute (section <c>Hromada:Security:RateLimits</c>).</summary>
public sealed class RateLimitSettings
{
    /// <summary>New web chat sessions (<c>POST /api/webchat/sessions</c>).</summary>
    public int WebChatSessionsPerMinute { get; set; } = 20;

    /// <summary>Web chat messages and resumes of a session.</summary>
    public int WebChatMessagesPerMinute { get; set; } = 120;

    /// <summary>Webhook calls refused for a wrong Telegram secret or Messenger signature; past it, the caller gets 429.</summary>
    public int WebhookRejectionsPerMinute { get; set; } = 10;

    /// <summary>Receipt pages (<c>/p/…</c>) looked up, found or not: guessing a receipt code is slowed to this.</summary>
    public int ReceiptPagesPerMinute { get; set; } = 30;

    /// <summary>Results pages and open-data files (<c>/results</c>).</summary>
    public int ResultsPagesPerMinute { get; set; } = 120;
}

internal sealed partial class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        const string s = SecurityOptions.Section;
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes is < 1024 or > 100 * 1024 * 1024)
        {
            failures.Add($"{s}:MaxRequestBodyBytes must be between 1024 and 104857600 (it is {options.MaxRequestBodyBytes}).");
        }
        for (var i = 0; i < options.FrameAncestors.Count; i++)
        {
            if (!FrameSource().IsMatch(options.FrameAncestors[i] ?? ""))
            {
                failures.Add($"{s}:FrameAncestors:{i} ('{options.FrameAncestors[i]}') is not 'self', 'none' or an origin such as https://your-hromada.gov.ua.");
            }
        }
        if (options.FrameAncestors.Contains("'none'") && options.FrameAncestors.Count > 1)
        {
            failures.Add($"{s}:FrameAncestors: 'none' cannot be combined with other sources.");
        }
        for (var i = 0; i < options.ForwardedHeaders.KnownProxies.Count; i++)
        {
            if (!IPAddress.TryParse(options.ForwardedHeaders.KnownProxies[i], out _))
            {
                failures.Add($"{s}:ForwardedHeaders:KnownProxies:{i} ('{options.ForwardedHeaders.KnownProxies[i]}') is not an IP address.");
            }
        }
        for (var i = 0; i < options.ForwardedHeaders.KnownNetworks.Count; i++)
        {
            if (!IPNetwork.TryParse(options.ForwardedHeaders.KnownNetworks[i], out _))
            {
                failures.Add($"{s}:ForwardedHeaders:KnownNetworks:{i} ('{options.ForwardedHeaders.KnownNetworks[i]}') is not a network in CIDR notation such as 10.0.0.0/24.");
            }
        }
        var limits = options.RateLimits;
        foreach (var (setting, value) in new[]
        {
            (nameof(limits.WebChatSessionsPerMinute), limits.WebChatSessionsPerMinute),
            (nameof(limits.WebChatMessagesPerMinute), limits.WebChatMessagesPerMinute),
            (nameof(limits.WebhookRejectionsPerMinute), limits.WebhookRejectionsPerMinute),
            (nameof(limits.ReceiptPagesPerMinute), limits.ReceiptPagesPerMinute),
            (nameof(limits.ResultsPagesPerMinute), limits.ResultsPagesPerMinute),
        })
        {
            if (value is < 1 or > 100_000)
            {
                failures.Add($"{s}:RateLimits:{setting} must be between 1 and 100000 (it is {value}).");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex(@"^('self'|'none'|https?://(\*\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?)$")]
    private static partial Regex FrameSource();
}
