using System.Globalization;
using System.Threading.RateLimiting;
using Hromada.Admin.Commands;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Security;

/// <summary>
/// Rate limits per client for what the public can reach without a key. Endpoints opt in with
/// <c>RequireRateLimiting(RateLimitPolicies.X)</c>; a refused request gets 429 with <c>Retry-After</c>: as ProblemDetails,
/// or as a short Ukrainian page on the pages people open in a browser (endpoints with <see cref="PeoplePage"/>).
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>New web chat sessions: each one is a resident row, so a client may open only a few a minute.</summary>
    public const string WebChatSessions = "webchat-sessions";

    /// <summary>Messages to (and resumes of) web chat sessions.</summary>
    public const string WebChatMessages = "webchat-messages";

    /// <summary>Receipt pages: a guessed code gets the same 404 as an unknown reference, and only so many a minute.</summary>
    public const string ReceiptPages = "receipt-pages";

    /// <summary>The public results pages and open data.</summary>
    public const string ResultsPages = "results-pages";

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    internal static void Add(RateLimiterOptions options)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.OnRejected = RejectAsync;
        options.AddPolicy(WebChatSessions, context => PerClient(context, o => o.WebChatSessionsPerMinute));
        options.AddPolicy(WebChatMessages, context => PerClient(context, o => o.WebChatMessagesPerMinute));
        options.AddPolicy(ReceiptPages, context => PerClient(context, o => o.ReceiptPagesPerMinute));
        options.AddPolicy(ResultsPages, context => PerClient(context, o => o.ResultsPagesPerMinute));
    }

    /// <summary>Endpoint metadata: a page people open in a browser, refused with a page rather than ProblemDetails.</summary>
    public sealed class PeoplePage
    {
        public static readonly PeoplePage Instance = new();

        private PeoplePage()
        {
        }
    }

    private static RateLimitPartition<string> PerClient(HttpContext context, Func<RateLimitSettings, int> permits)
    {
        var limit = permits(context.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RateLimits);
        return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.KeyOf(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = Window,
            QueueLimit = 0,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var http = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.GetEndpoint()?.Metadata.GetMetadata<PeoplePage>() is not null)
        {
            // A resident opening their receipt from a carrier's shared address reads why, in their language.
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(PublicPages.PublicHtml.TooManyRequests(seconds), ct);
            return;
        }
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = ApiLanguage.Pick("Too many requests", "Забагато запитів"),
                Detail = ApiLanguage.Pick(
                    $"This address sent too many requests; try again in {seconds} s.",
                    $"З цієї адреси надійшло забагато запитів; спробуйте знову через {seconds} с."),
            },
        });
    }
}
