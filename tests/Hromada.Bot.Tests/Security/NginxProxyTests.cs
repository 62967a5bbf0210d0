using System.Net;
using System.Net.Sockets;
using System.Text;
using Hromada.Admin.Web.Account;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Messenger;
using Hromada.Bot.Tests.Telegram;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Security;

/// <summary>
/// Issue 25 items 1 and 2 through Debian's nginx on this machine, as the probe had it: a minimal configuration (a bare
/// <c>proxy_pass</c>, no forwarding header set — so a client's own <c>X-Forwarded-For</c> passes through), and the
/// README's. Clients connect from other loopback addresses (127.0.0.2, 127.0.0.3) than nginx's own (127.0.0.1), as
/// internet clients would.
/// </summary>
public sealed class NginxProxyTests
{
    [NginxFact]
    public async Task BehindAMinimalNginx_TenBadMessengerSignatures_ThenTelegramsSignedUpdate_IsAnswered()
    {
        await using var graph = await FakeGraphApi.StartAsync();
        await using var api = await FakeBotApi.StartAsync();
        await using var app = await StartAsync(TelegramWebhook(api).Concat(MessengerHost.Settings(graph)));
        await using var nginx = await NginxProxy.StartAsync([BaseAddress(app)]);
        using var anyone = Client(nginx, "127.0.0.2");
        using var telegram = Client(nginx, "127.0.0.3");

        var bad = new List<int>();
        for (var i = 0; i < 11; i++)
        {
            var body = MessengerPayloads.Webhook([MessengerPayloads.Text("psid-9", $"mid.{i}", "привіт", app.Time.GetUtcNow().ToUnixTimeMilliseconds())]);
            using var request = Json(HttpMethod.Post, MessengerHost.WebhookPath, body);
            request.Headers.Add("X-Hub-Signature-256", MessengerPayloads.Sign(body, "guessed-secret"));
            bad.Add((int)(await anyone.SendAsync(request)).StatusCode);
        }
        using var update = Json(HttpMethod.Post, "/telegram/webhook", TelegramUpdates.Text(101, 78, "/start").ToJsonString());
        update.Headers.Add("X-Telegram-Bot-Api-Secret-Token", TelegramHost.Secret);
        var answered = await telegram.SendAsync(update);

        Assert.Equal(Enumerable.Repeat(401, 10).Append(429), bad);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        await Eventually.GetAsync(() => api.SentTo(78), sent => sent.Count > 0, "the answer to the signed update");
    }

    [NginxFact]
    public async Task BehindAMinimalNginx_WrongSignInKeysFromSomeone_DoNotKeepTheRightKeyOut()
    {
        await using var app = await StartAsync([new("Hromada:Admin:Web:SignInFailuresPerMinute", "3")]);
        await using var nginx = await NginxProxy.StartAsync([BaseAddress(app)]);
        using var someone = new WebSessionClient(Client(nginx, "127.0.0.2", cookies: true));
        using var colleague = new WebSessionClient(Client(nginx, "127.0.0.3", cookies: true));

        var wrong = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // Past the limit a wrong key is held for the penalty on the service's clock.
            var answer = await app.WhileTheClockMovesAsync(someone.SignInAsync($"hb_000000000{i}_wrong-key-guessed-by-someone-0000000000000000"), SignInThrottle.Penalty);
            wrong.Add(answer.StatusCode);
        }
        var signedIn = await colleague.SignInAsync(HromadaAppFactory.TestAdminKey);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], wrong);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await colleague.Http.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    [NginxFact]
    public async Task BehindAMinimalNginx_AClientsOwnForwardedFor_IsNotBelieved()
    {
        await using var app = await StartAsync([new("Hromada:Security:RateLimits:WebChatSessionsPerMinute", "3")]);
        await using var nginx = await NginxProxy.StartAsync([BaseAddress(app)]);
        using var client = Client(nginx, "127.0.0.2");

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await StartSessionAsync(client, forwardedFor: $"203.0.113.{i + 1}"));
        }

        Assert.Equal([200, 200, 200, 429], statuses);
    }

    [NginxTheory]
    [InlineData("proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;")]
    [InlineData("proxy_set_header X-Forwarded-For $remote_addr;")]
    public async Task BehindAnNginxThatForwardsTheClientsAddress_AndIsTrusted_EachClientHasItsOwnLimit_WhateverItClaims(string forwarding)
    {
        await using var app = await StartAsync([
            new("Hromada:Security:RateLimits:WebChatSessionsPerMinute", "3"), new("Hromada:Security:TrustedProxies:0", "127.0.0.1")]);
        await using var nginx = await NginxProxy.StartAsync([BaseAddress(app)], new NginxDirectives(Location: forwarding));
        using var first = Client(nginx, "127.0.0.2");
        using var second = Client(nginx, "127.0.0.3");

        var claims = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            claims.Add(await StartSessionAsync(first, forwardedFor: $"203.0.113.{i + 1}"));
        }
        var other = await StartSessionAsync(second);

        Assert.Equal([200, 200, 200, 429], claims);
        Assert.Equal(200, other);
    }

    private static IEnumerable<KeyValuePair<string, string?>> TelegramWebhook(FakeBotApi api) =>
    [
        new("Hromada:Telegram:Token", FakeBotApi.Token),
        new("Hromada:Telegram:ApiBaseUrl", api.BaseUrl),
        new("Hromada:Telegram:Mode", "Webhook"),
        new("Hromada:Telegram:WebhookUrl", "https://bot.example-hromada.gov.ua/telegram/webhook"),
        new("Hromada:Telegram:WebhookSecret", TelegramHost.Secret),
    ];

    private static Task<HromadaAppFactory> StartAsync(IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var app = new HromadaAppFactory().WithSettings(settings.ToDictionary());
        app.UseKestrel(0);
        app.StartServer();
        return Task.FromResult(app);
    }

    private static string BaseAddress(HromadaAppFactory app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static async Task<int> StartSessionAsync(HttpClient client, string? forwardedFor = null)
    {
        using var request = Json(HttpMethod.Post, "/api/webchat/sessions", "{}");
        request.Headers.Add("X-Chat-Client", "widget");
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return (int)(await client.SendAsync(request)).StatusCode;
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, string body) =>
        new(method, new Uri(path, UriKind.Relative)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };

    /// <summary>A client whose connections come from <paramref name="from"/> (any 127.x.y.z is this machine on Linux).</summary>
    private static HttpClient Client(NginxProxy nginx, string from, bool cookies = false)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse(from), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = nginx.Address };
    }
}
