using System.Globalization;
using Hromada.Core.Announcements;
using RetryPolicy = Hromada.Core.Pipeline.RetryPolicy;
using Quartz;

namespace Hromada.Bot.Announcements;

/// <summary>
/// Fired at an announcement's send time: writes its delivery rows (resuming a broadcast that stopped half-way) and
/// says in the log when it fires late because the service was not running at its time.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SendAnnouncementJob(IServiceScopeFactory scopes, ILogger<SendAnnouncementJob> logger) : IJob
{
    /// <summary>Later than this after its time, a firing is reported as missed (the store's misfire threshold).</summary>
    public static readonly TimeSpan LateAfter = TimeSpan.FromMinutes(1);

    /// <summary>A run that lost a race to another writer of the announcement is made again at once, five runs in all.</summary>
    private static readonly RetryPolicy Races = RetryPolicy.Immediately(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var id = long.Parse(context.MergedJobDataMap.GetString(QuartzAnnouncementScheduler.IdKey)!, CultureInfo.InvariantCulture);
        var due = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        if (context.Recovering)
        {
            logger.LogWarning("Announcement {AnnouncementId}: the service stopped while it was being sent; resuming where it stopped", id);
        }
        else if (context.FireTimeUtc - due > LateAfter)
        {
            logger.LogWarning("Announcement {AnnouncementId} was due at {Due:u} and missed its time (the service was not running); sending it now, once",
                id, due);
        }

        for (var runs = 1; ; runs++)
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<AnnouncementBroadcaster>().RunAsync(id, cancellationToken);
            switch (result.Outcome)
            {
                case BroadcastOutcome.NotDue:
                    // Moved later after this timer was set: fire again at the new time.
                    await QuartzAnnouncementScheduler.ScheduleAsync(context.Scheduler, id, result.DueAt!.Value, cancellationToken);
                    return;
                case BroadcastOutcome.Raced when !Races.GivesUp(runs):
                    continue;
                case BroadcastOutcome.Raced:
                    logger.LogWarning("Announcement {AnnouncementId} kept changing while it was being sent; the periodic check will try again", id);
                    return;
                default:
                    return;
            }
        }
    }
}
