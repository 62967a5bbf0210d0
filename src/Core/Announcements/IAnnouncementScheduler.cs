namespace Hromada.Core.Announcements;

/// <summary>
/// Sets the timer that sends an announcement. The database is the record of what is scheduled: the host checks its
/// timers against it at start and periodically, so a timer lost between the two writes is put back.
/// </summary>
public interface IAnnouncementScheduler
{
    /// <summary>Fires the announcement at <paramref name="sendAt"/> (at once when that has passed), replacing an earlier timer.</summary>
    Task ScheduleAsync(long announcementId, DateTimeOffset sendAt, CancellationToken ct = default);

    /// <summary>Removes the announcement's timer, if any.</summary>
    Task UnscheduleAsync(long announcementId, CancellationToken ct = default);
}

/// <summary>Used where no scheduler runs (the admin API hosted alone, Core's tests): the host's periodic check sets the timers.</summary>
internal sealed class DatabaseOnlyAnnouncementScheduler : IAnnouncementScheduler
{
    public Task ScheduleAsync(long announcementId, DateTimeOffset sendAt, CancellationToken ct = default) => Task.CompletedTask;

    public Task UnscheduleAsync(long announcementId, CancellationToken ct = default) => Task.CompletedTask;
}
