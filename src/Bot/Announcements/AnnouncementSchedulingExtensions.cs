using Hromada.Core.Announcements;
using Hromada.Core.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Hromada.Bot.Announcements;

/// <summary>
/// Quartz.NET on a persistent store in the service's own database. On SQLite: the service's file (tables created by the
/// QuartzScheduler migration; Quartz only checks them), one scheduler per file, not clustered. On PostgreSQL: Quartz's
/// own PostgreSQL schema, created by Quartz itself when missing (the script the pinned package embeds), clustered, so
/// several instances share the schedules and a trigger fires on one of them; each instance's Quartz id is
/// <c>Hromada:Pipeline:InstanceId</c> (or the machine name).
/// </summary>
public static class AnnouncementSchedulingExtensions
{
    public const string SchedulerName = "hromada";

    public static IServiceCollection AddAnnouncementScheduling(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = StorageExtensions.Provider(configuration);
        var connectionString = provider == DatabaseProvider.PostgreSql
            ? StorageExtensions.ResolvePostgreSqlConnectionString(configuration.GetConnectionString(StorageExtensions.ConnectionName))
            : StorageExtensions.ResolveConnectionString(configuration.GetConnectionString(StorageExtensions.ConnectionName), contentRoot);
        var pipeline = configuration.GetSection(Hromada.Core.Pipeline.PipelineOptions.Section).Get<Hromada.Core.Pipeline.PipelineOptions>()
            ?? new Hromada.Core.Pipeline.PipelineOptions();
        var options = configuration.GetSection(AnnouncementOptions.Section).Get<AnnouncementOptions>() ?? new AnnouncementOptions();
        var interval = options.HousekeepingInterval >= TimeSpan.FromSeconds(10) ? options.HousekeepingInterval : TimeSpan.FromMinutes(5);

        services.AddQuartz(q =>
        {
            q.ConfigureScheduler(s =>
            {
                s.InstanceName = SchedulerName;
                if (provider == DatabaseProvider.PostgreSql)
                {
                    // One id per instance in the cluster: the pipeline's.
                    s.InstanceId = pipeline.ResolvedInstanceId;
                }
            });
            q.UseDefaultThreadPool(2);
            q.UsePersistentStore(store =>
            {
                if (provider == DatabaseProvider.PostgreSql)
                {
                    store.UsePostgres(connectionString);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(connectionString);
                }
                store.ConfigureStore(o =>
                {
                    o.StoreJobDataAsStrings = true;
                    o.SchemaProvisioning = provider == DatabaseProvider.PostgreSql ? SchemaProvisioning.CreateIfMissing : SchemaProvisioning.Validate;
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

    /// <summary>
    /// Creates the scheduler (and on PostgreSQL, Quartz's tables when missing) before the service starts it: called while
    /// the start-up lock is held, so instances starting together on an empty database do not race to create the tables.
    /// </summary>
    public static async Task PrepareAnnouncementSchedulerAsync(this IServiceProvider services, CancellationToken ct = default) =>
        _ = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
}
