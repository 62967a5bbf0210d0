using Hromada.Bot.Tests.Infrastructure;
using System.Net.Http.Json;
using System.Net;
using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Bot.Tests.Messenger;

public sealed class MessengerWebhookTests
{
    [Fact]
    public async Task Verify_WithRightToken_EchoesChallenge()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());

        using var response = await host.Client.GetAsync(
            $"{MessengerHost.WebhookPath}?hub.mode=subscribe&hub.verify_token={MessengerHost.VerifyToken}&hub.challenge=1158201444");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("subscribe", "wrong-token")]
    [InlineData("unsubscribe", MessengerHost.VerifyToken)]
    [InlineData("subscribe", "")]
    public async Task Verify_WithWrongTokenOrMode_Returns403(string mode, string token)
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());

        using var response = await host.Client.GetAsync($"{MessengerHost.WebhookPath}?hub.mode={mode}&hub.verify_token={token}&hub.challenge=challenge-must-not-leak");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("challenge-must-not-leak", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256=0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("sha256=not-hex")]
    [InlineData("")]
    [InlineData("signed-with-another-secret")]
    public async Task Post_WithBadSignature_Returns401AndNothingIsProcessed(string signature)
    {
        var engine = new FakeConversationEngine();
        await using var host = await MessengerHost.StartAsync(engine);
        var body = MessengerPayloads.Webhook([MessengerPayloads.Text("psid-1", host.NextMid(), "привіт", host.Now)]);
        if (signature == "signed-with-another-secret")
        {
            signature = MessengerPayloads.Sign(body, "another-secret");
        }

        using var response = await host.PostAsync(body, signature);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Invalid webhook signature", (await response.Content.ReadFromJsonAsync<ProblemBody>())?.Title);
        Assert.Equal(0, await host.DbAsync(db => db.InboxItems.CountAsync()));
        // A correctly signed message afterwards is answered, and it is the only thing the bot ever answered.
        await host.SendAsync(MessengerPayloads.Text("psid-1", host.NextMid(), "другий", host.Now));
        var sent = await Eventually.MessagesAsync(host.Graph, "psid-1", 0);
        Assert.Equal("ви написали: другий", Assert.Single(sent).Text);
        Assert.Single(engine.Received);
    }

    [Fact]
    public async Task Post_BatchWithTwoResidents_AnswersBothInOrderPerResident()
    {
        var engine = new FakeConversationEngine();
        await using var host = await MessengerHost.StartAsync(engine);
        var t = host.Now;
        var body = MessengerPayloads.Webhook(
            [MessengerPayloads.Text("anna", host.NextMid(), "перше", t), MessengerPayloads.Text("bohdan", host.NextMid(), "раз", t + 1)],
            [MessengerPayloads.Text("anna", host.NextMid(), "друге", t + 2), MessengerPayloads.Text("anna", host.NextMid(), "третє", t + 3)],
            [MessengerPayloads.Text("bohdan", host.NextMid(), "два", t + 4)]);

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var anna = await Eventually.MessagesAsync(host.Graph, "anna", 0, 3);
        var bohdan = await Eventually.MessagesAsync(host.Graph, "bohdan", 0, 2);
        Assert.Equal(["ви написали: перше", "ви написали: друге", "ви написали: третє"], anna.Select(m => m.Text));
        Assert.Equal(["ви написали: раз", "ви написали: два"], bohdan.Select(m => m.Text));
        Assert.All(host.Graph.Sent, m => Assert.Equal("RESPONSE", m.MessagingType));
    }

    [Fact]
    public async Task Post_DuplicateMid_IsAnsweredOnce()
    {
        var engine = new FakeConversationEngine();
        await using var host = await MessengerHost.StartAsync(engine);
        var message = MessengerPayloads.Text("psid-dup", "m_same-mid-0001", "привіт", host.Now);

        using (var first = await host.PostAsync(MessengerPayloads.Webhook([message, message])))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        await Eventually.MessagesAsync(host.Graph, "psid-dup", 0);
        using (var redelivery = await host.PostAsync(MessengerPayloads.Webhook([message])))
        {
            Assert.Equal(HttpStatusCode.OK, redelivery.StatusCode);
        }
        await host.SendAsync(MessengerPayloads.Text("psid-dup", host.NextMid(), "далі", host.Now));

        var sent = await Eventually.MessagesAsync(host.Graph, "psid-dup", 0, 2);
        Assert.Equal(["ви написали: привіт", "ви написали: далі"], sent.Select(m => m.Text));
        Assert.Equal(2, engine.Received.Count);
    }

    [Fact]
    public async Task Post_EchoDeliveryAndRead_AreIgnored()
    {
        var engine = new FakeConversationEngine();
        await using var host = await MessengerHost.StartAsync(engine);
        var t = host.Now;

        await host.SendAsync(MessengerPayloads.Echo("psid-e", host.NextMid(), t));
        await host.SendAsync(MessengerPayloads.Delivery("psid-e", host.NextMid(), t));
        await host.SendAsync(MessengerPayloads.Read("psid-e", t));
        await host.SendAsync(MessengerPayloads.Text("psid-e", host.NextMid(), "справжнє", t + 1));

        var sent = await Eventually.MessagesAsync(host.Graph, "psid-e", 0);
        Assert.Equal("ви написали: справжнє", Assert.Single(sent).Text);
        Assert.Equal(1, await host.DbAsync(db => db.InboxItems.CountAsync(i => i.Channel == Channel.Messenger)));
    }

    [Fact]
    public async Task Events_AreTranslatedForTheEngine()
    {
        var engine = new FakeConversationEngine();
        await using var host = await MessengerHost.StartAsync(engine);
        var t = host.Now;

        await host.SendAsync(MessengerPayloads.GetStarted("psid-t", t));
        await host.SendAsync(MessengerPayloads.QuickReply("psid-t", host.NextMid(), "Молодь", "c:group:youth", t + 1));
        await host.SendAsync(MessengerPayloads.Image("psid-t", host.NextMid(), t + 2));
        await host.SendAsync(MessengerPayloads.QuickReply("psid-t", host.NextMid(), "+380501234567", "+380501234567", t + 3));
        await host.SendAsync(MessengerPayloads.Postback("psid-t", "Мої пропозиції", "c:cmd:my", t + 4));
        await Eventually.MessagesAsync(host.Graph, "psid-t", 0, 5);

        var received = engine.Received;
        Assert.Equal("/start", received[0].Text);
        Assert.Equal("group:youth", received[1].ChoiceValue);
        Assert.True(received[2].UnsupportedAttachment);
        Assert.Equal("+380501234567", received[3].Contact?.PhoneNumber);
        Assert.Equal("cmd:my", received[4].ChoiceValue);
        Assert.All(received, m => Assert.Equal(Channel.Messenger, m.Channel));
        Assert.All(received, m => Assert.Equal("psid-t", m.ChannelUserId));
    }

    [Fact]
    public async Task Post_WithChannelOff_IsNotFound()
    {
        await using var factory = new Infrastructure.HromadaAppFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"{MessengerHost.WebhookPath}?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("Hromada:Messenger:AppSecret", "")]
    [InlineData("Hromada:Messenger:VerifyToken", "")]
    [InlineData("Hromada:Messenger:GraphApiVersion", "25")]
    [InlineData("Hromada:Messenger:GraphApiBaseUrl", "graph.facebook.com")]
    public async Task Start_WithTokenButBadSetting_FailsNamingTheSetting(string key, string value)
    {
        await using var graph = await FakeGraphApi.StartAsync();
        var settings = MessengerHost.Settings(graph);
        settings[key] = value;
        await using var factory = new Infrastructure.HromadaAppFactory().WithSettings(settings);

        var error = Assert.ThrowsAny<Exception>(() => factory.Services);

        Assert.Contains(key, error.ToString(), StringComparison.Ordinal);
    }

    private sealed record ProblemBody(string? Title);
}
