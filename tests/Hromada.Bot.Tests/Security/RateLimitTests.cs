using System.Globalization;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Messenger;
using Hromada.Bot.Tests.Telegram;

namespace Hromada.Bot.Tests.Security;

public sealed class RateLimitTests
{
    private const int DefaultSessionsPerMinute = 20;

    [Fact]
    public async Task WebChat_The2001stSessionFromOneClientInAMinute_IsRefusedWith429_WhileAnotherClientIsServed()
    {
        await using var app = new HromadaAppFactory();

        var answers = new List<PeerResponse>();
        for (var i = 0; i < 2_001; i++)
        {
            answers.Add(await Peer.StartSessionAsync(app.Server, "203.0.113.5"));
        }
        var other = await Peer.StartSessionAsync(app.Server, "198.51.100.9");

        Assert.Equal(DefaultSessionsPerMinute, answers.Count(a => a.Status == 200));
        Assert.All(answers.Skip(DefaultSessionsPerMinute), a => Assert.Equal(429, a.Status));
        var refused = answers[^1];
        Assert.InRange(int.Parse(refused.Headers.RetryAfter.ToString(), CultureInfo.InvariantCulture), 1, 60);
        Assert.StartsWith("application/problem+json", refused.Headers.ContentType.ToString(), StringComparison.Ordinal);
        Assert.Equal("Забагато запитів", JsonDocument.Parse(refused.Body).RootElement.GetProperty("title").GetString());
        Assert.Equal(200, other.Status);
    }

    [Fact]
    public async Task WebChat_BehindAProxyOnThisMachineThatIsListed_EachForwardedClientHasItsOwnLimit()
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Security:TrustedProxies:0"] = "127.0.0.1",
        });

        var first = new List<int>();
        for (var i = 0; i <= DefaultSessionsPerMinute; i++)
        {
            first.Add((await Peer.StartSessionAsync(app.Server, "127.0.0.1", forwardedFor: "203.0.113.10")).Status);
        }
        var second = await Peer.StartSessionAsync(app.Server, "127.0.0.1", forwardedFor: "203.0.113.11");

        Assert.Equal(429, first[^1]);
        Assert.Equal(200, second.Status);
    }

    [Fact]
    public async Task WebChat_WithNoTrustedProxy_AForwardedForFromLoopbackIsIgnored()
    {
        // A minimal nginx on this machine (a bare proxy_pass) passes the client's own header through: loopback is not
        // trusted unless listed, so a client cannot choose the address it is counted against.
        await using var app = new HromadaAppFactory();

        var statuses = new List<int>();
        for (var i = 0; i <= DefaultSessionsPerMinute; i++)
        {
            statuses.Add((await Peer.StartSessionAsync(app.Server, "127.0.0.1", forwardedFor: $"203.0.113.{i + 1}")).Status);
        }

        Assert.All(statuses.Take(DefaultSessionsPerMinute), s => Assert.Equal(200, s));
        Assert.Equal(429, statuses[^1]);
    }

    [Fact]
    public async Task WebChat_AForwardedChainIsReadFromTheRight_OnlyUpToTheFirstAddressThatIsNoTrustedProxy()
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Security:TrustedProxies:0"] = "127.0.0.1",
            ["Hromada:Security:RateLimits:WebChatSessionsPerMinute"] = "2",
        });

        // nginx appends the address it saw (203.0.113.60) to whatever the client claimed: the claim is not believed.
        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await Peer.StartSessionAsync(app.Server, "127.0.0.1", forwardedFor: $"198.51.100.{i + 1}, 203.0.113.60")).Status);
        }

        Assert.Equal([200, 200, 429], statuses);
    }

    [Fact]
    public async Task WebChat_AForwardedForFromACallerThatIsNoKnownProxy_IsIgnored()
    {
        await using var app = new HromadaAppFactory();

        var statuses = new List<int>();
        for (var i = 0; i <= DefaultSessionsPerMinute; i++)
        {
            // A client that makes up a new X-Forwarded-For each time is still counted by its own address.
            statuses.Add((await Peer.StartSessionAsync(app.Server, "198.51.100.7", forwardedFor: $"203.0.113.{i + 1}")).Status);
        }

        Assert.Equal(429, statuses[^1]);
    }

    [Fact]
    public async Task WebChat_AConfiguredProxysForwardedFor_IsBelieved()
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Security:TrustedProxies:0"] = "10.20.0.0/16",
            ["Hromada:Security:RateLimits:WebChatSessionsPerMinute"] = "2",
        });

        var a = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            a.Add((await Peer.StartSessionAsync(app.Server, "10.20.3.4", forwardedFor: "203.0.113.20")).Status);
        }
        var b = await Peer.StartSessionAsync(app.Server, "10.20.3.4", forwardedFor: "203.0.113.21");

        Assert.Equal([200, 200, 429], a);
        Assert.Equal(200, b.Status);
    }

    [Fact]
    public async Task WebChat_MessagesPastTheConfiguredLimit_AreRefusedWith429()
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Security:RateLimits:WebChatMessagesPerMinute"] = "3",
        });
        var token = JsonDocument.Parse((await Peer.StartSessionAsync(app.Server, "203.0.113.30")).Body).RootElement.GetProperty("token").GetString();

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await Peer.SendAsync(app.Server, "203.0.113.30", "POST", "/api/webchat/messages",
                $$"""{"clientMessageId":"m{{i}}","text":"/help"}""", headers: new Dictionary<string, string> { ["X-Chat-Session"] = token! })).Status);
        }

        Assert.Equal([200, 200, 200, 429], statuses);
    }

    [Fact]
    public async Task TelegramWebhook_CallsWithAWrongSecret_Are429PastTheLimit_WhileTelegramsOwnCallsAreNeverCounted()
    {
        await using var host = await TelegramHost.StartAsync(webhook: true);
        var server = host.Factory.Server;
        var wrong = new Dictionary<string, string> { ["X-Telegram-Bot-Api-Secret-Token"] = "guess" };
        var right = new Dictionary<string, string> { ["X-Telegram-Bot-Api-Secret-Token"] = TelegramHost.Secret };

        var attacker = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            attacker.Add((await Peer.SendAsync(server, "203.0.113.40", "POST", "/telegram/webhook",
                TelegramUpdates.Text(host.NextUpdateId(), 77, "/start").ToJsonString(), headers: wrong)).Status);
        }
        var telegram = new List<int>();
        for (var i = 0; i < 15; i++)
        {
            telegram.Add((await Peer.SendAsync(server, "149.154.167.220", "POST", "/telegram/webhook",
                TelegramUpdates.Text(host.NextUpdateId(), 77, "/help").ToJsonString(), headers: right)).Status);
        }

        var fromTheSameAddress = await Peer.SendAsync(server, "203.0.113.40", "POST", "/telegram/webhook",
            TelegramUpdates.Text(host.NextUpdateId(), 77, "/help").ToJsonString(), headers: right);

        Assert.Equal(Enumerable.Repeat(401, 10).Concat([429, 429]), attacker);
        Assert.All(telegram, s => Assert.Equal(200, s));
        Assert.Equal(200, fromTheSameAddress.Status);
    }

    [Fact]
    public async Task Webhooks_TenBadMessengerSignaturesFromAnAddress_ThenTelegramsSignedUpdateFromIt_IsAnswered()
    {
        // Behind a proxy without X-Forwarded-For every caller has the proxy's address: anyone's bad calls must not
        // keep Telegram out.
        await using var graph = await FakeGraphApi.StartAsync();
        await using var host = await TelegramHost.StartAsync(webhook: true, settings: MessengerHost.Settings(graph));
        var server = host.Factory.Server;

        var bad = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            var body = MessengerPayloads.Webhook([MessengerPayloads.Text("psid-9", $"mid.{i}", "привіт", host.Factory.Time.GetUtcNow().ToUnixTimeMilliseconds())]);
            bad.Add((await Peer.SendAsync(server, "127.0.0.1", "POST", MessengerHost.WebhookPath, body,
                headers: new Dictionary<string, string> { ["X-Hub-Signature-256"] = MessengerPayloads.Sign(body, "guessed-secret") })).Status);
        }
        var update = await Peer.SendAsync(server, "127.0.0.1", "POST", "/telegram/webhook",
            TelegramUpdates.Text(host.NextUpdateId(), 78, "/start").ToJsonString(),
            headers: new Dictionary<string, string> { ["X-Telegram-Bot-Api-Secret-Token"] = TelegramHost.Secret });

        Assert.Equal(Enumerable.Repeat(401, 10).Append(429), bad);
        Assert.Equal(200, update.Status);
        await Eventually.GetAsync(() => host.Api.SentTo(78), sent => sent.Count > 0, "the answer to the signed update");
    }

    [Fact]
    public async Task MessengerWebhook_UnsignedCalls_Are429PastTheLimit_WhileSignedCallsAreNeverCounted()
    {
        await using var host = await MessengerHost.StartAsync(new FakeConversationEngine());
        var server = host.Factory.Server;

        var attacker = new List<int>();
        for (var i = 0; i < 12; i++)
        {
            var body = MessengerPayloads.Webhook([MessengerPayloads.Text("psid-9", host.NextMid(), "привіт", host.Now)]);
            attacker.Add((await Peer.SendAsync(server, "203.0.113.50", "POST", MessengerHost.WebhookPath, body,
                headers: new Dictionary<string, string> { ["X-Hub-Signature-256"] = MessengerPayloads.Sign(body, "guessed-secret") })).Status);
        }
        var meta = new List<int>();
        for (var i = 0; i < 15; i++)
        {
            var body = MessengerPayloads.Webhook([MessengerPayloads.Text("psid-9", host.NextMid(), "привіт", host.Now)]);
            meta.Add((await Peer.SendAsync(server, "173.252.100.1", "POST", MessengerHost.WebhookPath, body,
                headers: new Dictionary<string, string> { ["X-Hub-Signature-256"] = MessengerPayloads.Sign(body, MessengerHost.AppSecret) })).Status);
        }

        var signed = MessengerPayloads.Webhook([MessengerPayloads.Text("psid-9", host.NextMid(), "привіт", host.Now)]);
        var fromTheSameAddress = await Peer.SendAsync(server, "203.0.113.50", "POST", MessengerHost.WebhookPath, signed,
            headers: new Dictionary<string, string> { ["X-Hub-Signature-256"] = MessengerPayloads.Sign(signed, MessengerHost.AppSecret) });

        Assert.Equal(Enumerable.Repeat(401, 10).Concat([429, 429]), attacker);
        Assert.All(meta, s => Assert.Equal(200, s));
        Assert.Equal(200, fromTheSameAddress.Status);
    }
}
