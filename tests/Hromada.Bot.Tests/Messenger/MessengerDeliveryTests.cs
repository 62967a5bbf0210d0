using Hromada.Core.Conversation;
using Hromada.Core.Inbox;
using Hromada.Core.Notifications;
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
    public async Task ServerErrors_AreRetriedWithBackoff_AndBounded_ThenTheStoredReplyIsSentOnTheNextPass()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());
        for (var i = 0; i < 5; i++)
        {
            host.Graph.FailNext(500, 2, null, "An unexpected error has occurred. Please retry your request later.");
        }

        await host.SendAsync(MessengerPayloads.Text("psid-down", host.NextMid(), "привіт", host.Now));
        var item = await Eventually.GetAsync(() =>
        {
            host.Factory.Time.Advance(TimeSpan.FromSeconds(5));
            return host.DbAsync(db => db.InboxItems.AsNoTracking().SingleAsync()).GetAwaiter().GetResult();
        }, i => i.LastError is not null, "the bounded retries to end");

        Assert.Equal(5, host.Graph.Attempts);
        Assert.Empty(host.Graph.Sent);
        Assert.Contains("Graph error 2", item.LastError, StringComparison.Ordinal);
        Assert.Null(item.ProcessedAt);
        Assert.NotNull(item.Reply);

        // The resident writes again: the pass sends the kept reply first, without asking the engine again.
        await host.SendAsync(MessengerPayloads.Text("psid-down", host.NextMid(), "є хто?", host.Now));
        var sent = await Eventually.MessagesAsync(host.Graph, "psid-down", 0, 2);
        Assert.Equal(["ви написали: привіт", "ви написали: є хто?"], sent.Select(m => m.Text));
    }

    [Fact]
    public async Task OutsideWindowError_IsNotRetried()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());
        host.Graph.FailNext(400, 10, 2018278, "(#10) This message is sent outside of allowed window.");

        await host.SendAsync(MessengerPayloads.Text("psid-late", host.NextMid(), "привіт", host.Now));
        var item = await Eventually.GetAsync(
            () => host.DbAsync(db => db.InboxItems.AsNoTracking().SingleAsync()).GetAwaiter().GetResult(),
            i => i.ProcessedAt is not null, "the event to be handled");

        Assert.Equal(1, host.Graph.Attempts);
        Assert.Contains("2018278", item.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notice_OutsideThe24HourWindow_IsHeldWithoutCallingMessenger()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());
        await AddResidentAsync(host, "psid-n");
        await host.SendAsync(MessengerPayloads.Text("psid-n", host.NextMid(), "привіт", host.Now));
        await Eventually.MessagesAsync(host.Graph, "psid-n", 0);
        var channel = host.Factory.Services.GetServices<INotificationChannel>().Single(c => c.Channel == Channel.Messenger);

        host.Factory.Time.Advance(TimeSpan.FromHours(23));
        var inside = await channel.PushAsync("psid-n", new OutboundMessage("Рішення щодо вашої пропозиції"), CancellationToken.None);
        host.Factory.Time.Advance(TimeSpan.FromHours(2));
        var attempts = host.Graph.Attempts;
        var outside = await channel.PushAsync("psid-n", new OutboundMessage("Ще одне рішення"), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Delivered, inside);
        var update = host.Graph.SentTo("psid-n")[^1];
        Assert.Equal(("UPDATE", "Рішення щодо вашої пропозиції"), (update.MessagingType, update.Text));
        Assert.Equal(DeliveryOutcome.Held, outside);
        Assert.Equal(attempts, host.Graph.Attempts);
    }

    [Fact]
    public async Task Notice_ToAResidentWhoBlockedThePage_MarksThemBlockedAndUnsubscribed()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());
        await AddResidentAsync(host, "psid-b");
        await host.SendAsync(MessengerPayloads.Text("psid-b", host.NextMid(), "привіт", host.Now));
        await Eventually.MessagesAsync(host.Graph, "psid-b", 0);
        var channel = host.Factory.Services.GetServices<INotificationChannel>().Single(c => c.Channel == Channel.Messenger);
        host.Graph.FailNext(400, 551, null, "This person isn't available right now.");

        var outcome = await channel.PushAsync("psid-b", new OutboundMessage("Рішення"), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Blocked, outcome);
        var resident = await host.DbAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.ChannelUserId == "psid-b"));
        Assert.True(resident.IsBlocked);
        Assert.False(resident.IsSubscribed);
        Assert.Equal(DeliveryOutcome.Blocked, await channel.PushAsync("psid-b", new OutboundMessage("Ще"), CancellationToken.None));
    }

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
            db.InboxItems.Add(new InboxItem { Channel = Channel.Messenger, ExternalId = "m_before_restart", Payload = body, ReceivedAt = before.Time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        var engine = new FakeConversationEngine();
        await using var after = new Infrastructure.HromadaAppFactory().WithSettings(MessengerHost.Settings(graph)).WithSettings(connection)
            .WithServices(s => s.AddSingleton<IConversationEngine>(engine));
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
            IsSubscribed = true,
            SubscribedAt = host.Factory.Time.GetUtcNow(),
        });
        return db.SaveChangesAsync();
    });
}
