using Hromada.Bot.Channels;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Viber;

/// <summary>
/// Registers <c>WebhookUrl</c> with set_webhook once the service listens (Viber checks the URL with a callback before it
/// answers), again and again until Viber takes it (<see cref="WebhookRegistration"/>: until then <c>/healthz</c> says
/// the bot is deaf on Viber).
/// </summary>
internal sealed class ViberWebhookSetup(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<ViberOptions> options, WebhookRegistration registration,
    ILogger<ViberWebhookSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = options.Value.WebhookUrl?.Trim();
        if (string.IsNullOrEmpty(url))
        {
            logger.LogInformation("Viber: no WebhookUrl, so set_webhook is not called; register {Path} by hand", ViberWebhookEndpoints.Path);
            return;
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        await registration.RunAsync("Viber", "set_webhook", url, async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<ViberApiClient>().SetWebhookAsync(url, ct);
            return result.Ok ? null : result.ToString();
        }, stoppingToken);
    }
}
