using Polly;
using Polly.Retry;
using Telegram.Bot.Exceptions;

namespace Hromada.Bot.Telegram;

/// <summary>
/// The retry layer for the Bot API calls of setting up and polling (sends are retried by the outbox dispatcher). Telegram.Bot's own 429 retry is switched off (RetryThreshold = 0) and the
/// HttpClient has no resilience handler, so retries never stack: a 429 waits the retry_after Telegram gives, a 5xx or
/// a network fault or timeout waits with jittered exponential backoff; at most four tries. 4xx other than 429 are final.
/// </summary>
internal static class TelegramResilience
{
    // Real time, not the injected clock: the waits are for the real Bot API, and tests move the injected clock for deadlines only.
    public static ResiliencePipeline Create(ILogger logger) => new ResiliencePipelineBuilder { TimeProvider = TimeProvider.System }
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(500),
            MaxDelay = TimeSpan.FromSeconds(30),
            ShouldHandle = new PredicateBuilder()
                .Handle<ApiRequestException>(e => e.ErrorCode == 429 || e.ErrorCode >= 500)
                .Handle<RequestException>(e => e is not ApiRequestException)
                .Handle<HttpRequestException>()
                .Handle<TimeoutException>(),
            DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                args.Outcome.Exception is ApiRequestException { ErrorCode: 429, Parameters.RetryAfter: { } seconds }
                    ? TimeSpan.FromSeconds(Math.Min(seconds, 300))
                    : null),
            OnRetry = args =>
            {
                logger.LogWarning("Telegram call failed ({Error}); try {Attempt} in {Delay}",
                    args.Outcome.Exception?.Message, args.AttemptNumber + 2, args.RetryDelay);
                return ValueTask.CompletedTask;
            },
        })
        .Build();
}

/// <summary>The retry pipeline for the Bot API calls of setting up (setWebhook, deleteWebhook, getMe); sends are retried by the outbox dispatcher.</summary>
internal sealed class TelegramPipeline(ILogger<TelegramPipeline> logger)
{
    public ResiliencePipeline Value { get; } = TelegramResilience.Create(logger);
}
