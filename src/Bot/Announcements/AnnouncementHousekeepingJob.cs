using Hromada.Core.Announcements;
using Quartz;

namespace Hromada.Bot.Announcements;

/// <summary>
/// At start and every <see cref="AnnouncementOptions.HousekeepingInterval"/>: plans the automatic notices and checks
/// every announcement's timer against the database, setting the ones that are missing (an announcement stored while
/// the scheduler could not be reached, a broadcast whose run failed) and moving the ones that disagree.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AnnouncementHousekeepingJob(
    AnnouncementHousekeeping housekeeping, TimeProvider time, ILogger<AnnouncementHousekeepingJob> logger) : IJob
{
    public static readonly JobKey Key = new("housekeeping", QuartzAnnouncementScheduler.Group);
    public static readonly TriggerKey TriggerKey = new("housekeeping", QuartzAnnouncementScheduler.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var due = await housekeeping.RunAsync(cancellationToken);
        var scheduler = context.Scheduler;
        var now = time.GetUtcNow();
        foreach (var d in due)
        {
            var trigger = await scheduler.GetTrigger(QuartzAnnouncementScheduler.TriggerKeyFor(d.Id), cancellationToken);
            if (trigger is null)
            {
                logger.LogInformation("Announcement {AnnouncementId} had no timer; set for {FireAt:u}", d.Id, d.FireAt);
                await QuartzAnnouncementScheduler.ScheduleAsync(scheduler, d.Id, d.FireAt, cancellationToken);
            }
            else if (trigger.NextFireTimeUtc is { } next && d.FireAt > now && next != d.FireAt)
            {
                logger.LogInformation("Announcement {AnnouncementId}: timer moved from {Old:u} to {New:u}", d.Id, next, d.FireAt);
                await QuartzAnnouncementScheduler.ScheduleAsync(scheduler, d.Id, d.FireAt, cancellationToken);
            }
        }
    }
}
