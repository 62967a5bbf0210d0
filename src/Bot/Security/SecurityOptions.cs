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

    /// <summary>
    /// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: addresses
    /// (<c>127.0.0.1</c>, <c>10.0.0.5</c>) or networks in CIDR notation (<c>10.0.0.0/24</c>). None by default: then the
    /// connection's address is the client, whatever headers it sends. This machine (loopback) is not trusted unless
    /// listed, because a proxy on it that passes the client's own header through would let any client choose its address.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    public RateLimitSettings RateLimits { get; set; } = new();

    /// <summary>The <c>frame-ancestors</c> sources, <c>'self'</c> when none is configured.</summary>
    public IReadOnlyList<string> FrameAncestorSources => FrameAncestors.Count == 0 ? ["'self'"] : FrameAncestors;
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
}

internal sealed partial class SecurityOptionsValidator(IConfiguration configuration) : IValidateOptions<SecurityOptions>
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
        for (var i = 0; i < options.TrustedProxies.Count; i++)
        {
            if (TrustedProxy.Parse(options.TrustedProxies[i]) is null)
            {
                failures.Add($"{s}:TrustedProxies:{i} ('{options.TrustedProxies[i]}') is neither an IP address such as 127.0.0.1 nor a network in CIDR notation such as 10.0.0.0/24.");
            }
        }
        if (configuration.GetSection($"{s}:ForwardedHeaders").Exists())
        {
            failures.Add($"{s}:ForwardedHeaders (KnownProxies, KnownNetworks) is replaced by {s}:TrustedProxies, a list of addresses and networks; "
                + "loopback is no longer trusted unless listed there.");
        }
        var limits = options.RateLimits;
        foreach (var (setting, value) in new[]
        {
            (nameof(limits.WebChatSessionsPerMinute), limits.WebChatSessionsPerMinute),
            (nameof(limits.WebChatMessagesPerMinute), limits.WebChatMessagesPerMinute),
            (nameof(limits.WebhookRejectionsPerMinute), limits.WebhookRejectionsPerMinute),
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

/// <summary>One entry of <see cref="SecurityOptions.TrustedProxies"/>: an address, or a network when it has a prefix length.</summary>
internal static class TrustedProxy
{
    public static IPNetwork? Parse(string? entry)
    {
        entry = entry?.Trim();
        if (string.IsNullOrEmpty(entry))
        {
            return null;
        }
        if (entry.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(entry, out var network) ? network : null;
        }
        if (!IPAddress.TryParse(entry, out var address))
        {
            return null;
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
    }
}
