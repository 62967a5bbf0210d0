using Hromada.Bot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hromada.Bot.Tests.Announcements;

/// <summary>Looks at the scheduler the host runs.</summary>
internal static class QuartzProbe
{
    public static TriggerKey TriggerKey(long id) => new($"announcement-{id}", "announcements");

    public static async Task<bool> TimerExistsAsync(HromadaAppFactory app, long id)
    {
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        return await scheduler.GetTrigger(TriggerKey(id)) is not null;
    }
}
