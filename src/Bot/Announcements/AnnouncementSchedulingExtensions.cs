using Hromada.Core.Announcements;
using Hromada.Core.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Hromada.Bot.Announcements;

/// <summary>
/// Quartz.NET on a persistent store in the service's own SQLite file (tables created by the QuartzScheduler migration;
/// Quartz only checks them), one scheduler per database file: SQLite cannot be clustered. For several instances later,
/// a clustered store on PostgreSQL takes the same job and trigger identities.
/// </summary>
public static class AnnouncementSchedulingExtensions
{
    public const string SchedulerName = "hromada";

    public static IServiceCollection AddAnnouncementScheduling(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = StorageExtensions.ResolveConnectionString(
            configuration.GetConnectionString(StorageExtensions.ConnectionName), contentRoot);
        var options = configuration.GetSection(AnnouncementOptions.Section).Get<AnnouncementOptions>() ?? new AnnouncementOptions();
        var interval = options.HousekeepingInterval >= TimeSpan.FromSeconds(10) ? options.HousekeepingInterval : TimeSpan.FromMinutes(5);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s => s.InstanceName = SchedulerName);
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                store.UseSqlite(connectionString);
                store.ConfigureStore(o =>
                {
                    o.StoreJobDataAsStrings = true;
                    o.SchemaProvisioning = SchemaProvisioning.Validate;
                    o.MisfireThreshold = SendAnnouncementJob.LateAfter;
                });
            });
            q.AddJob<AnnouncementHousekeepingJob>(j => j.WithIdentity(AnnouncementHousekeepingJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .WithIdentity(AnnouncementHousekeepingJob.TriggerKey)
                .ForJob(AnnouncementHousekeepingJob.Key)
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddTriggerListener<MisfireLogger>();
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.RemoveAll<IAnnouncementScheduler>();
        services.AddSingleton<IAnnouncementScheduler, QuartzAnnouncementScheduler>();
        return services;
    }
}
