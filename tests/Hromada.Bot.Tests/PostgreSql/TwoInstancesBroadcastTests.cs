using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Telegram;
using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static Hromada.Bot.Tests.Announcements.AnnouncementsHost;

namespace Hromada.Bot.Tests.PostgreSql;

/// <summary>
/// One broadcast sent by two instances on one PostgreSQL database to one fake Bot API: the pace of pushes is shared
/// through the database, so both together keep Telegram's 30 messages a second. Both run on one fake clock, moved a
/// second at a time once every send due has gone out, and the fake stamps each request with that clock: the
/// requests of one stamp are those of one second.
/// </summary>
public sealed class TwoInstancesBroadcastTests(ITestOutputHelper output)
{
    private const int Subscribers = 600;

    [PostgresFact]
    public async Task ABroadcastFromTwoInstances_KeepsTelegramsRateOverBoth_AndReachesEachSubscriberOnce_WhenOneStops()
    {
        await using var db = await PostgresDatabase.CreateAsync();
        await using var api = await FakeBotApi.StartAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        api.Clock = time.GetUtcNow;
        var sentByA = new SendCount();
        var sentByB = new SendCount();
        var a = await StartAsync("host-a", db, api, time, sentByA);
        await using var b = await StartAsync("host-b", db, api, time, sentByB);
        int beforeStop;
        await using (a)
        {
            using var comms = await CommunicationsAsync(a.Factory);
            await AddSubscribersAsync(a.Factory, Channel.Telegram, Subscribers);
            await CreateAsync(comms, new { text = "Оголошення від двох вузлів.", targets = new[] { "TelegramSubscribers" }, sendAt = "2026-11-02T11:01:00+02:00" });

            // Close to the announcement's time a second at a time (both schedulers keep checking in), then a second at
            // a time once nothing more is being sent, until a third of the subscribers are reached.
            await DriveAsync(time, api, () => time.GetUtcNow() >= new DateTimeOffset(2026, 11, 2, 9, 0, 58, TimeSpan.Zero), quiet: false);
            Assert.Equal(0, Delivered(api));
            await DriveAsync(time, api, () => Delivered(api) >= Subscribers / 3, quiet: true);
            beforeStop = Delivered(api);
            output.WriteLine($"Both up: host-a sent {sentByA.Value}, host-b {sentByB.Value}");
            Assert.True(sentByA.Value > 0 && sentByB.Value > 0, $"both instances send the broadcast: host-a {sentByA.Value}, host-b {sentByB.Value}");
        }

        // host-a stopped: host-b sends the rest, and what host-a had claimed once its lease (10 s) is over.
        await DriveAsync(time, api, () => Delivered(api) == Subscribers, quiet: true);

        var sends = api.CallsOf("sendMessage").Where(c => !c.Failed).ToList();
        var chats = await DbAsync(b.Factory, x => x.Residents.AsNoTracking().Where(r => r.Channel == Channel.Telegram)
            .Select(r => r.ChannelUserId).ToListAsync());
        var perChat = sends.GroupBy(c => c.Body["chat_id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var perSecond = sends.GroupBy(c => c.At!.Value).Select(g => (At: g.Key, Count: g.Count())).OrderBy(s => s.At).ToList();
        var twice = perChat.Count(g => g.Count() > 1);
        output.WriteLine($"Stopped host-a after {beforeStop} of {Subscribers}; {twice} chat(s) twice; host-a {sentByA.Value}, host-b {sentByB.Value}; " +
            $"per second: {string.Join(' ', perSecond.Select(s => s.Count))}");

        Assert.Equal(chats.Order(), perChat.Select(g => g.Key).Order());
        Assert.True(twice <= 32, $"{twice} chats got it twice; only sends in flight at the stop (at most MaxConcurrentSends = 32) may be repeated");
        Assert.DoesNotContain(api.CallsOf("sendMessage"), c => c.Failed);
        Assert.All(perSecond, s => Assert.True(s.Count <= 30, $"{s.Count} messages in the second to {s.At:O}, more than Telegram's 30"));
        // At the pace, not far below it: 600 messages take about 600 / 29.3 = 21 s of the clock, plus the 10 s lease of
        // what host-a had claimed when it stopped.
        var seconds = (perSecond[^1].At - perSecond[0].At).TotalSeconds;
        Assert.True(seconds < 60, $"the broadcast took {seconds} s of the clock");
    }

    private static int Delivered(FakeBotApi api) => api.CallsOf("sendMessage").Count(c => !c.Failed);

    /// <summary>
    /// Moves the clock a second at a time until <paramref name="done"/>. With <paramref name="quiet"/>, each next
    /// second only once no request has come for a while (everything due in this second has been sent).
    /// </summary>
    private static async Task DriveAsync(FakeTimeProvider time, FakeBotApi api, Func<bool> done, bool quiet)
    {
        var deadline = Environment.TickCount64 + 180_000;
        while (!done())
        {
            Assert.True(Environment.TickCount64 < deadline, "the broadcast did not finish");
            time.Advance(TimeSpan.FromSeconds(1));
            if (!quiet)
            {
                await Task.Delay(20);
                continue;
            }
            var calls = api.Calls.Count;
            var quietSince = Environment.TickCount64;
            while (Environment.TickCount64 - quietSince < 300)
            {
                await Task.Delay(20);
                if (api.Calls.Count != calls)
                {
                    calls = api.Calls.Count;
                    quietSince = Environment.TickCount64;
                }
            }
        }
    }

    private static Task<TelegramHost> StartAsync(string instance, PostgresDatabase db, FakeBotApi api, FakeTimeProvider time, SendCount sent)
    {
        var settings = new Dictionary<string, string?>(db.Settings)
        {
            ["Hromada:Pipeline:InstanceId"] = instance,
            ["Hromada:Pipeline:PollInterval"] = "00:00:00.200",
            ["Hromada:Pipeline:LeaseDuration"] = "00:00:10",
            ["Hromada:Announcements:Notices:ConsultationOpened:Enabled"] = "false",
            ["Hromada:Announcements:Notices:DeadlineReminder:Enabled"] = "false",
            ["Hromada:Announcements:Notices:ConsultationClosed:Enabled"] = "false",
        };
        return TelegramHost.StartAsync(webhook: true, api: api, settings: settings, services: s =>
        {
            s.RemoveAll<TimeProvider>();
            s.AddSingleton<TimeProvider>(time);
            s.AddHttpClient("telegram").AddHttpMessageHandler(() => new Counting(sent));
        });
    }

    private sealed class SendCount
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Add() => Interlocked.Increment(ref _value);
    }

    /// <summary>Counts one instance's sendMessage requests that the Bot API took.</summary>
    private sealed class Counting(SendCount sent) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode && request.RequestUri?.AbsolutePath.EndsWith("/sendMessage", StringComparison.Ordinal) == true)
            {
                sent.Add();
            }
            return response;
        }
    }
}
