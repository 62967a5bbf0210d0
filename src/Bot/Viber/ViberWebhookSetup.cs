using Microsoft.Extensions.Options;

namespace Hromada.Bot.Viber;

/// <summary>
/// Registers <c>WebhookUrl</c> with set_webhook once the service listens (Viber checks the URL with a callback before it
/// answers). A failure is logged and the service goes on; a restart, or the same call by hand, tries again.
/// </summary>
internal sealed class ViberWebhookSetup(
    IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, IOptions<ViberOptions> options, ILogger<ViberWebhookSetup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var url = options.Value.WebhookUrl;
        if (string.IsNullOrWhiteSpace(url))
        {
            logger.LogInformation("Viber: no WebhookUrl, so set_webhook is not called; register {Path} by hand", ViberWebhookEndpoints.Path);
            return;
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ViberApiClient>().SetWebhookAsync(url.Trim(), stoppingToken);
        if (result.Ok)
        {
            logger.LogInformation("Viber webhook set to {Url} for {Events}", url, string.Join(", ", ViberApiClient.EventTypes));
        }
        else
        {
            logger.LogError("Viber webhook not set ({Url}): {Error}", url, result);
        }
    }
}
