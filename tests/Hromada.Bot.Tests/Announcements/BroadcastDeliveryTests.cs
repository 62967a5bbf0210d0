using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Telegram;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static Hromada.Bot.Tests.Announcements.AnnouncementsHost;
using static Hromada.Bot.Tests.Telegram.ClockDriving;

namespace Hromada.Bot.Tests.Announcements;

/// <summary>
/// Broadcasts through the real host and the channel's sender against the fake Bot API. The host runs on the test's fake
/// clock, which the tests move forward a second at a time, so Telegram's pace (30 pushes a second, one a second per
/// chat) and a 429's retry_after are kept in clock time without the tests waiting for them.
/// </summary>
public sealed class BroadcastDeliveryTests(ITestOutputHelper output)
{
    private const long FirstChat = 880_000_000;

    private static readonly Dictionary<string, string?> NoAutomaticNotices = new()
    {
        ["Hromada:Announcements:Notices:ConsultationOpened:Enabled"] = "false",
        ["Hromada:Announcements:Notices:DeadlineReminder:Enabled"] = "false",
        ["Hromada:Announcements:Notices:ConsultationClosed:Enabled"] = "false",
        ["Hromada:Pipeline:PollInterval"] = "00:00:00.200",
    };

    [DatabaseTheory, OnEachDatabase]
    public async Task Broadcast_ToAThousandTelegramSubscribers_ReachesEachExactlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(webhook: true, settings: NoAutomaticNotices, database: database);
        using var client = await CommunicationsAsync(host.Factory);
        var chats = await AddTelegramSubscribersAsync(host.Factory, 1000);

        var id = await ScheduleInAMinuteAsync(client, "Оголошення для тисячі підписників.");
        host.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await DriveUntilAsync(host, () => DeliveredChats(host).Count == 1000, "1,000 chats reached");
        await DriveUntilAsync(host, async () => (await ReportAsync(client, id)).GetProperty("total").GetProperty("sent").GetInt32() == 1000,
            "1,000 delivery rows marked sent");

        var sends = host.Api.CallsOf("sendMessage").Where(c => !c.Failed).ToList();
        Assert.Equal(1000, sends.Count);
        Assert.Equal(chats.Order(), sends.Select(c => c.Body["chat_id"]!.GetValue<long>()).Order());
        Assert.All(sends, c => Assert.Equal("Оголошення для тисячі підписників.", c.Body["text"]!.GetValue<string>()));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task TooManyRequests_PausesTheBroadcast_NoRequestBeforeRetryAfterHasPassed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(webhook: true, settings: NoAutomaticNotices, database: database);
        using var client = await CommunicationsAsync(host.Factory);
        await AddTelegramSubscribersAsync(host.Factory, 60);
        host.Api.FailNext("sendMessage", 429, "Too Many Requests: retry after 5", retryAfter: 5);
        host.Api.Clock = host.Factory.Time.GetUtcNow;

        await ScheduleInAMinuteAsync(client, "Оголошення під обмеженням швидкості.");
        host.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.GetAsync(() => host.Api.CallsOf("sendMessage").Count(c => c.Failed), n => n == 1, "the 429");
        // The clock moves only once the service has taken the 429 in (it records the wait on the message).
        await Eventually.GetAsync(() => host.DbAsync(db => db.OutboxMessages.CountAsync(o => o.LastError != null && o.LastError.Contains("429"))).GetAwaiter().GetResult(),
            n => n == 1, "the 429 taken in");
        var refusedAt = host.Api.CallsOf("sendMessage").Single(c => c.Failed).At!.Value;
        await DriveUntilAsync(host, () => DeliveredChats(host).Count == 60, "the broadcast after retry_after");

        // Each request is stamped with the service's clock as it arrives (the clock moves only when the test moves
        // it), so "none before retry_after" is read from the calls, not hoped for after a sleep.
        var sends = host.Api.CallsOf("sendMessage").Where(c => !c.Failed).ToList();
        Assert.Equal(60, sends.Count);
        Assert.All(sends, c => Assert.True(c.At >= refusedAt + TimeSpan.FromSeconds(5), $"a push at {c.At:O}, before retry_after ended at {refusedAt.AddSeconds(5):O}"));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task ResidentWhoBlockedTheBot_IsMarkedAndUnsubscribed_AndTheReportSaysWhy(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var host = await TelegramHost.StartAsync(webhook: true, settings: NoAutomaticNotices, database: database);
        using var client = await CommunicationsAsync(host.Factory);
        var chats = await AddTelegramSubscribersAsync(host.Factory, 3);
        host.Api.FailNextTo(chats[1], 403, "Forbidden: bot was blocked by the user");

        var id = await ScheduleInAMinuteAsync(client, "Хтось заблокував бота.");
        host.Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var report = await DriveUntilAsync(host, () => ReportAsync(client, id),
            r => r.GetProperty("total").GetProperty("sent").GetInt32() == 2 && r.GetProperty("total").GetProperty("blocked").GetInt32() == 1,
            "two sent and one blocked");

        var chat = chats[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var blocked = await DbAsync(host.Factory, db => db.Residents.AsNoTracking().SingleAsync(r => r.ChannelUserId == chat));
        Assert.True(blocked.IsBlocked);
        Assert.False(blocked.IsSubscribed);
        var failure = Assert.Single(report.GetProperty("failures").EnumerateArray());
        Assert.Equal("Blocked", failure.GetProperty("status").GetString());
        Assert.Contains("blocked by the user", failure.GetProperty("error").GetString(), StringComparison.Ordinal);
        var counts = await client.GetFromJsonAsync<JsonElement>("/api/admin/subscribers");
        Assert.Equal(2, counts.GetProperty("channels")[0].GetProperty("subscribed").GetInt32());
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task HostStoppedMidBroadcast_FinishesAfterRestart_ResendingAtMostTheMessagesInFlight(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var api = await FakeBotApi.StartAsync();
        List<long> chats;
        DateTimeOffset stoppedAt;
        int beforeStop;
        await using (var first = await TelegramHost.StartAsync(webhook: true, api: api, settings: NoAutomaticNotices, database: database))
        {
            using var client = await CommunicationsAsync(first.Factory);
            chats = await AddTelegramSubscribersAsync(first.Factory, 300);
            await ScheduleInAMinuteAsync(client, "Оголошення, перерване перезапуском.");
            first.Factory.Time.Advance(TimeSpan.FromMinutes(1));
            await DriveUntilAsync(first, () => DeliveredChats(first).Count >= 100, "a third of the broadcast");
            stoppedAt = first.Factory.Time.GetUtcNow();
            beforeStop = DeliveredChats(first).Count;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        await using var second = await TelegramHost.StartAsync(webhook: true, api: api, settings: NoAutomaticNotices, database: database);
        second.Factory.Time.SetUtcNow(stoppedAt);
        await DriveUntilAsync(second, () => DeliveredChats(second).Count == 300, "every chat after the restart");

        var perChat = api.CallsOf("sendMessage").Where(c => !c.Failed).GroupBy(c => c.Body["chat_id"]!.GetValue<long>()).ToList();
        Assert.True(beforeStop < 300, "the host was stopped before the broadcast finished");
        Assert.Equal(chats.Order(), perChat.Select(g => g.Key).Order());
        var twice = perChat.Count(g => g.Count() > 1);
        output.WriteLine($"Stopped after {beforeStop} of 300 chats; {twice} chat(s) got the announcement twice.");
        Assert.True(twice <= 32, $"{twice} chats got it twice; only the sends in flight at the stop (at most MaxConcurrentSends = 32) may be repeated");
        Assert.All(perChat, g => Assert.InRange(g.Count(), 1, 2));
    }

    private static HashSet<long> DeliveredChats(TelegramHost host) =>
        host.Api.CallsOf("sendMessage").Where(c => !c.Failed).Select(c => c.Body["chat_id"]!.GetValue<long>()).ToHashSet();

    private static async Task<List<long>> AddTelegramSubscribersAsync(HromadaAppFactory app, int count)
    {
        var start = FirstChat + Random.Shared.Next(1_000_000) * 1000L;
        var chats = Enumerable.Range(0, count).Select(i => start + i).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        db.Residents.AddRange(chats.Select(chat => new Resident
        {
            Channel = Channel.Telegram,
            ChannelUserId = chat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = app.Time.GetUtcNow(),
            IsSubscribed = true,
        }));
        await db.SaveChangesAsync();
        return chats;
    }

    private static async Task<long> ScheduleInAMinuteAsync(HttpClient client, string text) =>
        (await CreateAsync(client, new { text, targets = new[] { "TelegramSubscribers" }, sendAt = "2026-11-02T11:01:00+02:00" }))
            .GetProperty("id").GetInt64();

    private static Task<JsonElement> ReportAsync(HttpClient client, long id) =>
        client.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}/report");
}
