using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace Hromada.Bot.Messenger;

/// <summary>
/// The retry policy of Graph API calls: throttling (codes 4, 613), temporary send failures (1200), 5xx, 429 and
/// network errors wait with jittered exponential backoff and retry a bounded number of times. Everything else
/// (outside the 24-hour window, a blocked Page, a bad token) is final and goes back to the caller at once.
/// </summary>
internal static class MessengerResilience
{
    public const string PipelineName = "graph-api";

    public static IHttpClientBuilder AddGraphApiResilience(this IHttpClientBuilder builder)
    {
        builder.AddResilienceHandler(PipelineName, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<MessengerOptions>>().Value;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessengerResilience));
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.CancellationToken),
                OnRetry = args =>
                {
                    logger.LogWarning("Graph API call failed ({Reason}); retry {Attempt} in {Delay}",
                        args.Outcome.Exception?.Message ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}",
                        args.AttemptNumber + 1, args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            });
        });
        return builder;
    }

    internal static async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, CancellationToken ct)
    {
        if (outcome.Exception is HttpRequestException or TimeoutException)
        {
            return true;
        }
        if (outcome.Result is not { } response || response.IsSuccessStatusCode)
        {
            return false;
        }
        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        // Graph reports throttling in the body of a 4xx; buffer it so the caller can still read it.
        await response.Content.LoadIntoBufferAsync(ct);
        var error = GraphError.TryParse(await response.Content.ReadAsStringAsync(ct));
        return error is { IsTransient: true };
    }
}
