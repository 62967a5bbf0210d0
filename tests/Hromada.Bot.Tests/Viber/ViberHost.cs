using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Messenger;
using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hromada.Bot.Tests.Viber;

/// <summary>The real host with the Viber channel on, pointed at a <see cref="FakeViberApi"/>; optionally a fake engine.</summary>
public sealed class ViberHost : IAsyncDisposable
{
    public const string WebhookPath = "/webhooks/viber";
    public const string BotName = "Зеленодільська громада";

    private ViberHost(HromadaAppFactory factory, FakeViberApi viber, HttpClient client)
    {
        Factory = factory;
        Viber = viber;
        Client = client;
    }

    public HromadaAppFactory Factory { get; }
    public FakeViberApi Viber { get; }
    public HttpClient Client { get; }

    public long Now => Factory.Time.GetUtcNow().ToUnixTimeMilliseconds();

    public static async Task<ViberHost> StartAsync(IConversationEngine? engine = null, IDictionary<string, string?>? settings = null)
    {
        var viber = await FakeViberApi.StartAsync();
        var factory = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Viber:AuthToken"] = FakeViberApi.Token,
            ["Hromada:Viber:BotName"] = BotName,
            ["Hromada:Viber:ApiBaseUrl"] = viber.BaseUrl,
            ["Hromada:Pipeline:RetryDelay"] = "00:00:02",
        });
        if (settings is not null)
        {
            factory.WithSettings(settings);
        }
        if (engine is FakeConversationEngine fake)
        {
            factory.WithServices(s =>
            {
                s.RemoveAll<IConversationEngine>();
                fake.Register(s);
            });
        }
        var client = factory.CreateClient();
        return new ViberHost(factory, viber, client);
    }

    /// <summary>POSTs a callback body signed with the auth token (or the given signature).</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, string? signature = null)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Viber-Content-Signature", signature ?? ViberPayloads.Sign(body, FakeViberApi.Token));
        return await Client.SendAsync(request);
    }

    /// <summary>POSTs one callback and checks Viber gets a 200.</summary>
    public async Task SendAsync(JsonObject callback)
    {
        using var response = await PostAsync(callback.ToJsonString());
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Puts a message in the outbox as a notice would be, and wakes the senders.</summary>
    public async Task<long> EnqueueAsync(OutboxRequest request)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var row = outbox.Enqueue(request);
        await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().SaveChangesAsync();
        outbox.Signal();
        return row.Id;
    }

    public Task<OutboxMessage> OutboxAsync(long id, Func<OutboxMessage, bool> done, string what) =>
        Eventually.GetAsync(() => DbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(o => o.Id == id)).GetAwaiter().GetResult(), done, what);

    public async Task<T> DbAsync<T>(Func<HromadaDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HromadaDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Viber.DisposeAsync();
    }
}
