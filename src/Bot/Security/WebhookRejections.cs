using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Security;

/// <summary>
/// Webhook calls refused for a wrong Telegram secret, Messenger signature or verify token, counted per client
/// (<see cref="ClientAddress"/>). The endpoint checks the secret or signature first — both are cheap — and only a call
/// that fails them comes here: past <see cref="RateLimitSettings.WebhookRejectionsPerMinute"/> refusals in the minute its
/// answer is 429 instead of 401/403. A correctly signed call is never counted and never refused, whoever shares its
/// address, so nobody's bad calls can keep the platforms out.
/// </summary>
internal sealed class WebhookRejections(IOptions<SecurityOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _refusals = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RateLimits.WebhookRejectionsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>
    /// Counts a refused call against its client and returns the answer: <paramref name="refusal"/> while the client has
    /// refusals to spare, a 429 ProblemDetails with <c>Retry-After</c> past them.
    /// </summary>
    public ProblemHttpResult Refuse(HttpContext context, ProblemHttpResult refusal)
    {
        using var lease = _refusals.AttemptAcquire(ClientAddress.KeyOf(context));
        if (lease.IsAcquired)
        {
            return refusal;
        }
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"This address sent too many refused webhook calls; try again in {seconds} s.");
    }

    public void Dispose() => _refusals.Dispose();
}
