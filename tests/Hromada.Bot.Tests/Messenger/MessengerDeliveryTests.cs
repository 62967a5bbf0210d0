using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Conversation;
using Hromada.Core.Inbox;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Core.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Messenger;

public sealed class MessengerDeliveryTests
{
    [Fact]
    public async Task Throttling613_WaitsAndRetries_ThenTheReplyArrivesOnce()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());
        host.Graph.FailNext(400, 613, null, "(#613) Calls to this API have exceeded the rate limit.");

        await host.SendAsync(MessengerPayloads.Text("psid-slow", host.NextMid(), "привіт", host.Now));
        await Eventually.GetAsync(() => host.Graph.Attempts, a => a >= 1, "the throttled attempt");
        Assert.Empty(host.Graph.Sent);

        // The retry waits on the host's clock: move it on until the reply goes through.
        var sent = await Eventually.GetAsync(() =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(1));
            return host.Graph.SentTo("psid-slow");
        }, m => m.Count >= 1, "the retried reply");

        Assert.Equal("ви написали: привіт", Assert.Single(sent).Text);
        Assert.Equal(2, host.Graph.Attempts);
    }

    [Fact]
    public async Task FailedReply_IsRetriedOnATimer_WithoutTheResidentWritingAgain()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());
        host.Graph.FailNext(500, 2, null, "An unexpected error has occurred. Please retry your request later.");
        host.Graph.FailNext(500, 2, null, "An unexpected error has occurred. Please retry your request later.");

        await host.SendAsync(MessengerPayloads.Text("psid-down", host.NextMid(), "привіт", host.Now));
        await Eventually.GetAsync(() => host.Graph.Attempts, a => a >= 1, "the first attempt");
        Assert.Empty(host.Graph.Sent);

        var sent = await Eventually.GetAsync(() =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(2));
            return host.Graph.SentTo("psid-down");
        }, m => m.Count >= 1, "the retried reply");

        Assert.Equal("ви написали: привіт", Assert.Single(sent).Text);
        Assert.Equal(3, host.Graph.Attempts);
    }

    [Fact]
    public async Task ReplyThatKeepsFailing_IsGivenUpAfterTheConfiguredAttempts_AndShowsInHealth()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine(),
            new Dictionary<string, string?> { ["Hromada:Pipeline:MaxSendAttempts"] = "3", ["Hromada:Pipeline:SendRetryPeriod"] = "00:00:00" });
        for (var i = 0; i < 10; i++)
        {
            host.Graph.FailNext(500, 2, null, "An unexpected error has occurred. Please retry your request later.");
        }

        await host.SendAsync(MessengerPayloads.Text("psid-gone", host.NextMid(), "привіт", host.Now));
        var id = await Eventually.GetAsync(() => host.DbAsync(db => db.OutboxMessages.Select(o => o.Id).FirstOrDefaultAsync()).GetAwaiter().GetResult(), i => i > 0, "the reply in the outbox");
        var row = await host.OutboxAsync(id, o =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(10));
            return o.Status == OutboxStatus.Failed;
        }, "the reply to be given up");

        Assert.Equal(3, host.Graph.Attempts);
        Assert.Contains("Given up after 3 attempts", row.LastError, StringComparison.Ordinal);
        Assert.Contains("Graph error 2", row.LastError, StringComparison.Ordinal);
        var health = await host.Client.GetFromJsonAsync<JsonElement>("/healthz");
        Assert.Equal("attention", health.GetProperty("status").GetString());
        Assert.Equal(1, health.GetProperty("pipeline").GetProperty("outboxFailedLastDay").GetInt32());
    }

    [Fact]
    public async Task OutsideWindowError_IsNotRetried_TheReplyIsHeld()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());
        host.Graph.FailNext(400, 10, 2018278, "(#10) This message is sent outside of allowed window.");

        await host.SendAsync(MessengerPayloads.Text("psid-late", host.NextMid(), "привіт", host.Now));
        var id = await Eventually.GetAsync(() => host.DbAsync(db => db.OutboxMessages.Select(o => o.Id).FirstOrDefaultAsync()).GetAwaiter().GetResult(), i => i > 0, "the reply in the outbox");
        var row = await host.OutboxAsync(id, o => o.Status != OutboxStatus.Pending, "the reply's outcome");

        Assert.Equal(OutboxStatus.Held, row.Status);
        Assert.Equal(1, host.Graph.Attempts);
        Assert.Contains("2018278", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notice_InsideThe24HourWindow_GoesAsUpdate_OutsideItIsHeldWithoutCallingMessenger()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());
        await AddResidentAsync(host, "psid-n");
        host.Factory.Time.Advance(TimeSpan.FromHours(23));

        var inside = await host.EnqueueAsync(Notice("psid-n", "Рішення щодо вашої пропозиції"));
        Assert.Equal(OutboxStatus.Sent, (await host.OutboxAsync(inside, o => o.Status != OutboxStatus.Pending, "the first notice")).Status);
        host.Factory.Time.Advance(TimeSpan.FromHours(2));
        var attempts = host.Graph.Attempts;
        var outside = await host.EnqueueAsync(Notice("psid-n", "Ще одне рішення"));
        var held = await host.OutboxAsync(outside, o => o.Status != OutboxStatus.Pending, "the second notice");

        var update = host.Graph.SentTo("psid-n")[^1];
        Assert.Equal(("UPDATE", "Рішення щодо вашої пропозиції"), (update.MessagingType, update.Text));
        Assert.Equal(OutboxStatus.Held, held.Status);
        Assert.Contains("24 hours", held.LastError, StringComparison.Ordinal);
        Assert.Equal(attempts, host.Graph.Attempts);
    }

    [Fact]
    public async Task Notice_ToAResidentWhoBlockedThePage_MarksThemBlockedAndUnsubscribed_AndIsNotRetried()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());
        await AddResidentAsync(host, "psid-b");
        host.Graph.FailNext(400, 551, null, "This person isn't available right now.");

        var id = await host.EnqueueAsync(Notice("psid-b", "Рішення"));
        var row = await host.OutboxAsync(id, o => o.Status != OutboxStatus.Pending, "the notice's outcome");
        await host.Factory.Services.GetRequiredService<OutboxDispatcher>().FlushAsync();

        Assert.Equal(OutboxStatus.Blocked, row.Status);
        Assert.Equal(1, host.Graph.Attempts);
        var resident = await host.DbAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.ChannelUserId == "psid-b"));
        Assert.True(resident.IsBlocked);
        Assert.False(resident.IsSubscribed);
    }

    private static OutboxRequest Notice(string psid, string text) =>
        new(Channel.Messenger, psid, OutboxPurpose.Notice, [new OutboundMessage(text)]);

    [Fact]
    public async Task EventsStoredBeforeARestart_AreAnsweredAfterIt()
    {
        await using var graph = await FakeGraphApi.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "hromada-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connection = new Dictionary<string, string?> { ["ConnectionStrings:Hromada"] = $"Data Source={Path.Combine(folder, "restart.db")}" };
        var body = MessengerPayloads.Text("psid-r", "m_before_restart", "збережене", 1_700_000_000_000).ToJsonString();

        await using (var before = new Infrastructure.HromadaAppFactory().WithSettings(connection))
        {
            // The first run stored the event and stopped before handling it (channel off here, so nothing handles it).
            await using var scope = before.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Core.Storage.HromadaDbContext>();
            db.InboxItems.Add(new InboxItem { Channel = Channel.Messenger, ExternalId = "m_before_restart", SenderKey = "psid-r", Payload = body, ReceivedAt = before.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var engine = new FakeConversationEngine();
        await using var after = new Infrastructure.HromadaAppFactory().WithSettings(MessengerHost.Settings(graph)).WithSettings(connection)
            .WithServices(s =>
            {
                s.RemoveAll<IConversationEngine>();
                engine.Register(s);
            });
        _ = after.Services;

        var sent = await Eventually.MessagesAsync(graph, "psid-r", 0);
        Assert.Equal("ви написали: збережене", Assert.Single(sent).Text);
        await after.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task SetUpProfile_SetsGetStartedAndGreeting()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine(),
            new Dictionary<string, string?> { ["Hromada:Messenger:SetUpProfile"] = "true" });
        _ = host.Factory.Services;

        var profile = Assert.Single(await Eventually.GetAsync(() => host.Graph.ProfileCalls, p => p.Count >= 1, "the profile call"));
        Assert.Equal("GET_STARTED", profile["get_started"]!["payload"]!.GetValue<string>());
        var greeting = profile["greeting"]!.AsArray().Single(g => g!["locale"]!.GetValue<string>() == "default")!["text"]!.GetValue<string>();
        Assert.Contains("чат-бот Зеленодільської сільської громади", greeting, StringComparison.Ordinal);
        Assert.True(greeting.Length <= 160);
    }

    private static Task<int> AddResidentAsync(MessengerHost host, string psid) => host.DbAsync(db =>
    {
        db.Residents.Add(new Resident
        {
            Channel = Channel.Messenger,
            ChannelUserId = psid,
            CreatedAt = host.Factory.Time.GetUtcNow(),
            LastInboundAt = host.Factory.Time.GetUtcNow(),
            IsSubscribed = true,
            SubscribedAt = host.Factory.Time.GetUtcNow(),
        });
        return db.SaveChangesAsync();
    });
}
