using Hromada.Core.Pipeline;
using Telegram.Bot.Exceptions;

namespace Hromada.Bot.Telegram;

/// <summary>
/// How the Bot API calls of setting up (deleteWebhook, getMe, setWebhook) and of polling (getUpdates) are tried again;
/// sends are retried by the outbox dispatcher. Telegram.Bot's own 429 retry is switched off (RetryThreshold = 0) and the
/// HttpClient has no resilience handler, so retries never stack: a 429 waits the retry_after Telegram gives (at most
/// 5 minutes here), a 5xx, a network fault or a timeout waits with jittered exponential backoff; 4xx other than 429 are
/// final. The waits run on the service's clock.
/// </summary>
internal sealed class TelegramRetry(TimeProvider time, ILogger<TelegramRetry> logger)
{
    /// <summary>A set-up call: four tries, about 0.5, 1 and 2 s apart.</summary>
    public static readonly RetryPolicy SetUp = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), maxAttempts: 4, jitter: 0.2);

    /// <summary>getUpdates: tried again for as long as the service runs, about 2 s after a failure, doubling, at most every 30 s.</summary>
    public static readonly RetryPolicy Polling = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), jitter: 0.2);

    /// <summary>Runs a set-up call under <see cref="SetUp"/>.</summary>
    public Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
        SetUp.ExecuteAsync(call, Transient, time, OnRetry, ct);

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<CancellationToken, Task> call, CancellationToken ct) =>
        SetUp.ExecuteAsync(call, Transient, time, OnRetry, ct);

    /// <summary>
    /// Whether a failed call may pass: null when it is final (a 4xx other than 429), else the wait Telegram asked for
    /// (zero when it named none).
    /// </summary>
    public static TimeSpan? Transient(Exception ex) => ex switch
    {
        ApiRequestException { ErrorCode: 429 } e => e.Parameters?.RetryAfter is { } seconds ? TimeSpan.FromSeconds(Math.Clamp(seconds, 0, 300)) : TimeSpan.Zero,
        ApiRequestException { ErrorCode: >= 500 } => TimeSpan.Zero,
        ApiRequestException => null,
        RequestException or HttpRequestException or TimeoutException => TimeSpan.Zero,
        _ => null,
    };

    private void OnRetry(Exception ex, int failures, TimeSpan wait) =>
        logger.LogWarning("Telegram call failed ({Error}); try {Attempt} in {Delay}", ex.Message, failures + 1, wait);
}
