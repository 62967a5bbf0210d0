using Quartz;

namespace Hromada.Bot.Announcements;

/// <summary>Says in the log when a timer missed its time (the service was down or stalled) and is about to fire late.</summary>
internal sealed class MisfireLogger(ILogger<MisfireLogger> logger) : ITriggerListener
{
    public string Name => nameof(MisfireLogger);

    public ValueTask TriggerMisfired(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default)
    {
        if (trigger.Key.Group == QuartzAnnouncementScheduler.Group && trigger.Key != AnnouncementHousekeepingJob.TriggerKey)
        {
            logger.LogWarning("Timer {Trigger} missed its time {Due:u} (the service was not running); it fires once now", trigger.Key, trigger.NextFireTimeUtc);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask TriggerFired(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(false);

    public ValueTask TriggerSkipped(ITrigger trigger, IScheduler scheduler, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask TriggerComplete(ITrigger trigger, IJobExecutionContext context, SchedulerInstruction triggerInstructionCode, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;

    public ValueTask TriggerRetriesExhausted(ITrigger trigger, IJobExecutionContext context, JobExecutionException exception, CancellationToken cancellationToken = default) =>
        ValueTask.CompletedTask;
}
