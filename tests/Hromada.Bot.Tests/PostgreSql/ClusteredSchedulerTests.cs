using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using static Hromada.Bot.Tests.Announcements.AnnouncementsHost;

namespace Hromada.Bot.Tests.PostgreSql;

/// <summary>
/// Quartz clustered on one PostgreSQL database: two instances share the schedules, an announcement fires on one of them
/// only, and it fires whichever instance is still up.
/// </summary>
public sealed class ClusteredSchedulerTests
{
    [PostgresFact]
    public async Task AnAnnouncement_FiresOnce_WithTwoInstancesUp_AndOnTheOtherWhenTheOneThatScheduledItIsDown()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var a = Instance(db, "host-a", time);
        await using var b = Instance(db, "host-b", time);
        using var bClient = b.CreateClient();
        long first, second;
        await using (a)
        {
            using var comms = await CommunicationsAsync(a);
            await AddSubscribersAsync(a, Channel.WebChat, 3);
            first = (await CreateAsync(comms, new { text = "Обидва вузли працюють", targets = new[] { "WebChatSubscribers" }, sendAt = "2026-11-02T11:01:00+02:00" }))
                .GetProperty("id").GetInt64();
            second = (await CreateAsync(comms, new { text = "Працює лише один вузол", targets = new[] { "WebChatSubscribers" }, sendAt = "2026-11-02T11:03:00+02:00" }))
                .GetProperty("id").GetInt64();

            // The clock moves a second at a time (so each scheduler keeps checking in) past the first announcement's time.
            await RunClockUntilAsync(time, new DateTimeOffset(2026, 11, 2, 9, 2, 0, TimeSpan.Zero), () => SentAsync(b, first), "the first announcement sent");
            Assert.Equal(1, Firings(a, first) + Firings(b, first));
        }

        // host-a is stopped; host-b fires the second one by itself.
        await RunClockUntilAsync(time, new DateTimeOffset(2026, 11, 2, 9, 5, 0, TimeSpan.Zero), () => SentAsync(b, second), "the second announcement sent by host-b");
        Assert.Equal(1, Firings(b, second));

        foreach (var id in new[] { first, second })
        {
            var rows = await DbAsync(b, x => x.OutboxMessages.AsNoTracking().Where(m => m.AnnouncementId == id).Select(m => m.ResidentId).ToListAsync());
            Assert.Equal(3, rows.Count);
            Assert.Equal(3, rows.Distinct().Count());
        }
    }

    private static HromadaAppFactory Instance(PostgresDatabase db, string name, FakeTimeProvider time) =>
        new HromadaAppFactory()
            .WithSettings(new Dictionary<string, string?>(db.Settings) { ["Hromada:Pipeline:InstanceId"] = name })
            .WithServices(s =>
            {
                s.AddFakeLogging();
                s.RemoveAll<TimeProvider>();
                s.AddSingleton<TimeProvider>(time);
            });

    private static async Task<bool> SentAsync(HromadaAppFactory app, long id) =>
        await DbAsync(app, x => x.Announcements.AsNoTracking().Where(n => n.Id == id).Select(n => n.Status).SingleAsync())
            == Hromada.Core.Announcements.AnnouncementStatus.Sent;

    /// <summary>How many times this instance's scheduler started sending the announcement (its broadcaster's log line).</summary>
    private static int Firings(HromadaAppFactory app, long id) =>
        app.Services.GetFakeLogCollector().GetSnapshot()
            .Count(r => r.Message.StartsWith($"Announcement {id} (", StringComparison.Ordinal) && r.Message.Contains("is being sent to", StringComparison.Ordinal));

    private static async Task RunClockUntilAsync(FakeTimeProvider time, DateTimeOffset until, Func<Task<bool>> done, string what)
    {
        var deadline = Environment.TickCount64 + 60_000;
        while (!await done())
        {
            Assert.True(Environment.TickCount64 < deadline, $"Gave up waiting: {what}");
            if (time.GetUtcNow() < until)
            {
                time.Advance(TimeSpan.FromSeconds(1));
            }
            await Task.Delay(20);
        }
    }
}
