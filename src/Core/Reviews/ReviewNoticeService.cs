using Hromada.Core.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Reviews;

/// <summary>Runs <see cref="ReviewNotices"/> and <see cref="WeeklySummaries"/> at start and every <see cref="ReviewOptions.CheckInterval"/>.</summary>
internal sealed class ReviewNoticeService(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<ReviewOptions> options, ILogger<ReviewNoticeService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReviewNotices>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Review notices failed; they are tried again in {Interval}", options.Value.CheckInterval);
            }
            try
            {
                // Its own scope: a summary another instance wrote first leaves nothing behind for the notices' next save.
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<WeeklySummaries>().RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The weekly summary failed; it is tried again in {Interval}", options.Value.CheckInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
