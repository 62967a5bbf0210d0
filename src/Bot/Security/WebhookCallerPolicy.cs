using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Security;

/// <summary>
/// Counts, per client, the webhook calls refused with 401 or 403 (a wrong Telegram secret or Messenger signature) and
/// refuses every call from a client past <see cref="RateLimitSettings.WebhookRejectionsPerMinute"/> such calls in the
/// minute. A platform signing its calls is never counted, however many it sends; the body-dependent signature check
/// cannot run before the endpoint, hence counting outcomes rather than requests.
/// </summary>
internal sealed class WebhookCallerPolicy(WebhookRejections rejections) : IRateLimiterPolicy<string>
{
    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected => null;

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var client = ClientAddress.KeyOf(httpContext);
        httpContext.Response.OnStarting(() =>
        {
            if (httpContext.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
            {
                rejections.Count(client);
            }
            return Task.CompletedTask;
        });
        return RateLimitPartition.Get(client, key => new Probe(rejections, key));
    }

    /// <summary>Lets a call through while its client has refusals to spare; takes none itself.</summary>
    private sealed class Probe(WebhookRejections rejections, string client) : RateLimiter
    {
        // Holds no state of its own, so the partitioned limiter may drop and recreate it at will.
        public override TimeSpan? IdleDuration => TimeSpan.MaxValue;

        public override RateLimiterStatistics? GetStatistics() => rejections.Statistics(client);

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => rejections.Check(client);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult(rejections.Check(client));
    }
}

/// <summary>Refused webhook calls per client in the current minute (a singleton shared by every webhook endpoint).</summary>
internal sealed class WebhookRejections(IOptions<SecurityOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _refusals = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.RateLimits.WebhookRejectionsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>A lease that is acquired while <paramref name="client"/> has refusals to spare (asking for none takes none).</summary>
    public RateLimitLease Check(string client) => _refusals.AttemptAcquire(client, 0);

    public void Count(string client) => _refusals.AttemptAcquire(client).Dispose();

    public RateLimiterStatistics? Statistics(string client) => _refusals.GetStatistics(client);

    public void Dispose() => _refusals.Dispose();
}
