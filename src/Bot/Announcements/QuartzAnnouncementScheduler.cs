using Hromada.Core.Announcements;
using Quartz;

namespace Hromada.Bot.Announcements;

/// <summary>
/// One Quartz job and one one-shot trigger per announcement, with explicit identities (<c>announcements.announcement-42</c>)
/// so a persistent or clustered store finds them again. A trigger missed while the service was down fires once, at start.
/// </summary>
internal sealed class QuartzAnnouncementScheduler(ISchedulerFactory factory) : IAnnouncementScheduler
{
    public const string Group = "announcements";
    public const string IdKey = "announcementId";

    public static JobKey JobKeyFor(long id) => new($"announcement-{id}", Group);

    public static TriggerKey TriggerKeyFor(long id) => new($"announcement-{id}", Group);

    public async Task ScheduleAsync(long announcementId, DateTimeOffset sendAt, CancellationToken ct = default) =>
        await ScheduleAsync(await factory.GetScheduler(ct), announcementId, sendAt, ct);

    public async Task UnscheduleAsync(long announcementId, CancellationToken ct = default)
    {
        var scheduler = await factory.GetScheduler(ct);
        await scheduler.DeleteJob(JobKeyFor(announcementId), ct);
    }

    /// <summary>Sets the timer on a given scheduler (a job uses the one running it).</summary>
    internal static async Task ScheduleAsync(IScheduler scheduler, long announcementId, DateTimeOffset sendAt, CancellationToken ct)
    {
        var job = JobBuilder.Create<SendAnnouncementJob>()
            .WithIdentity(JobKeyFor(announcementId))
            .WithDescription($"Sends announcement {announcementId}")
            .UsingJobData(IdKey, announcementId.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create(scheduler.TimeProvider)
            .WithIdentity(TriggerKeyFor(announcementId))
            .ForJob(job)
            .StartAt(sendAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }
}
