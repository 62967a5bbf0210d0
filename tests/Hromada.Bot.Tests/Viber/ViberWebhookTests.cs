using System.Net;
using System.Net.Http.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Messenger;
using Hromada.Core.Inbox;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Bot.Tests.Viber;

public sealed class ViberWebhookTests
{
    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("not-hex")]
    [InlineData("")]
    [InlineData("signed-with-another-token")]
    [InlineData("sha256-prefixed")]
    public async Task Callback_WithBadSignature_Returns401AndNothingIsStoredOrAnswered(string signature)
    {
        var engine = new FakeConversationEngine();
        await using var host = await ViberHost.StartAsync(engine);
        var body = ViberPayloads.Text("vb-1==", "привіт", host.Now).ToJsonString();
        signature = signature switch
        {
            "signed-with-another-token" => ViberPayloads.Sign(body, "another-token"),
            "sha256-prefixed" => "sha256=" + ViberPayloads.Sign(body, FakeViberApi.Token),
            _ => signature,
        };

        using var response = await host.PostAsync(body, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid callback signature", (await response.Content.ReadFromJsonAsync<ProblemBody>())?.Title);
        Assert.Equal(0, await host.DbAsync(db => db.InboxItems.CountAsync()));
        // A correctly signed message afterwards is answered, and it is the only thing the bot ever answered.
        await host.SendAsync(ViberPayloads.Text("vb-1==", "другий", host.Now));
        var sent = await Eventually.GetAsync(() => host.Viber.SentTo("vb-1=="), s => s.Count >= 1, "the answer to the signed message");
        Assert.Equal("ви написали: другий", Assert.Single(sent).Text);
        Assert.Single(engine.Received);
    }

    [Fact]
    public async Task RedeliveredCallback_IsAnsweredOnce()
    {
        var engine = new FakeConversationEngine();
        await using var host = await ViberHost.StartAsync(engine);
        var callback = ViberPayloads.Text("vb-2==", "привіт", host.Now, token: 5_100_000_000_000_000_001);

        await host.SendAsync(callback);
        await Eventually.GetAsync(() => host.Viber.SentTo("vb-2=="), s => s.Count >= 1, "the answer");
        await host.SendAsync(callback);
        await host.SendAsync(ViberPayloads.Text("vb-2==", "ще", host.Now));
        var sent = await Eventually.GetAsync(() => host.Viber.SentTo("vb-2=="), s => s.Count >= 2, "the answer to the next message");

        Assert.Equal(["ви написали: привіт", "ви написали: ще"], sent.Select(m => m.Text));
        Assert.Equal(2, await host.DbAsync(db => db.InboxItems.CountAsync()));
    }

    [Fact]
    public async Task SubscribedAndUnsubscribed_AreRecordedOnTheResident()
    {
        await using var host = await ViberHost.StartAsync(new FakeConversationEngine());
        await host.DbAsync(db =>
        {
            db.Residents.Add(new Resident { Channel = Channel.Viber, ChannelUserId = "vb-3==", CreatedAt = host.Factory.Time.GetUtcNow(), IsSubscribed = true });
            return db.SaveChangesAsync();
        });

        await host.SendAsync(ViberPayloads.Unsubscribed("vb-3==", host.Now));
        var left = await Eventually.GetAsync(() => ResidentAsync(host, "vb-3==").GetAwaiter().GetResult(), r => r.IsBlocked, "the unsubscription");
        await host.SendAsync(ViberPayloads.Subscribed("vb-3==", host.Now));
        var back = await Eventually.GetAsync(() => ResidentAsync(host, "vb-3==").GetAwaiter().GetResult(), r => !r.IsBlocked, "the subscription");

        Assert.False(left.IsSubscribed);
        Assert.False(back.IsBlocked);
        Assert.Equal(Channel.Viber, back.Channel);
    }

    [Fact]
    public async Task FailedDelivery_IsStoredAndSeen_AndDeliveredOrSeenOrTheWebhookCheckStoreNothing()
    {
        await using var host = await ViberHost.StartAsync(new FakeConversationEngine());

        await host.SendAsync(ViberPayloads.Delivered("vb-4==", 5_200_000_000_000_000_001, host.Now));
        await host.SendAsync(new System.Text.Json.Nodes.JsonObject { ["event"] = "webhook", ["timestamp"] = host.Now, ["message_token"] = 1 });
        await host.SendAsync(ViberPayloads.Failed("vb-4==", 5_200_000_000_000_000_002, host.Now));
        await host.SendAsync(ViberPayloads.Failed("vb-4==", 5_200_000_000_000_000_002, host.Now));

        var items = await Eventually.GetAsync(() => host.DbAsync(db => db.InboxItems.AsNoTracking().ToListAsync()).GetAwaiter().GetResult(),
            i => i.Count == 1 && i[0].Status == InboxStatus.Done, "the failed callback handled");
        Assert.StartsWith("failed:5200000000000000002:vb-4==", items[0].ExternalId, StringComparison.Ordinal);
        Assert.Empty(host.Viber.Sent);
    }

    [Fact]
    public async Task ConversationStarted_IsAnsweredWithTheWelcomeMessage_AndNothingIsStored()
    {
        await using var host = await ViberHost.StartAsync(new FakeConversationEngine());

        using var response = await host.PostAsync(ViberPayloads.ConversationStarted("vb-5==", host.Now).ToJsonString());
        var welcome = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var button = welcome.GetProperty("keyboard").GetProperty("Buttons")[0];
        Assert.Equal("keyboard", welcome.GetProperty("keyboard").GetProperty("Type").GetString());
        Assert.Equal("reply", button.GetProperty("ActionType").GetString());
        Assert.Equal("/start", button.GetProperty("ActionBody").GetString());
        Assert.Equal("▶ Почати", button.GetProperty("Text").GetString());
        Assert.Equal(0, await host.DbAsync(db => db.InboxItems.CountAsync()));
    }

    private static Task<Resident> ResidentAsync(ViberHost host, string id) =>
        host.DbAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.Channel == Channel.Viber && r.ChannelUserId == id));

    private sealed record ProblemBody(string? Title, int? Status);
}
