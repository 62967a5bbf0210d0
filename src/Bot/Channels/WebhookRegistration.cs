using Hromada.Bot.Health;
using Hromada.Core.Pipeline;

namespace Hromada.Bot.Channels;

/// <summary>
/// Registers a channel's webhook with its platform until the platform takes it. Until then the bot is deaf on that
/// channel: <see cref="ChannelReception"/> says so (and with it <c>/healthz</c>), and the call is made again, every
/// 10 s at first, then at most every 5 minutes, on the service's clock. Telegram's and Viber's set-up both use it.
/// </summary>
internal sealed class WebhookRegistration(ChannelReception reception, TimeProvider time, ILogger<WebhookRegistration> logger)
{
    /// <summary>10 s after the first failure, doubling, at most every 5 minutes, for as long as the service runs.</summary>
    public static readonly RetryPolicy Retry = new(TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5));

    /// <summary>Registers until the platform takes it, or until <paramref name="ct"/> ends.</summary>
    /// <param name="channel">The channel's name as <c>/healthz</c> shows it.</param>
    /// <param name="call">The platform's method, for the log and <c>/healthz</c>.</param>
    /// <param name="url">Where the platform is asked to post.</param>
    /// <param name="register">One call: null when the platform took it, else its reason; an exception counts as a reason.</param>
    /// <param name="ct">The service stopping.</param>
    public async Task RunAsync(string channel, string call, string url, Func<CancellationToken, Task<string?>> register, CancellationToken ct)
    {
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            string? problem;
            Exception? error = null;
            try
            {
                problem = await register(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                problem = ex.Message;
                error = ex;
            }
            if (ct.IsCancellationRequested)
            {
                return;
            }
            if (problem is null)
            {
                reception.Receiving(channel);
                logger.LogInformation("{Channel}: webhook set to {Url}", channel, url);
                return;
            }
            failures++;
            var wait = Retry.DelayAfter(failures);
            reception.NotReceiving(channel, $"{call} failed, so updates do not arrive: {problem}");
            logger.LogError(error, "{Channel}: {Call} for {Url} failed ({Problem}); updates do not arrive until it succeeds; trying again in {Wait}",
                channel, call, url, problem, wait);
            try
            {
                await Task.Delay(wait, time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
