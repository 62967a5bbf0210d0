using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hromada.Bot.Tests.Messenger;

/// <summary>The real host with the Messenger channel on, pointed at a <see cref="FakeGraphApi"/>; optionally a fake engine.</summary>
public sealed class MessengerHost : IAsyncDisposable
{
    public const string AppSecret = "test-app-secret";
    public const string VerifyToken = "test-verify-token";
    public const string WebhookPath = "/webhooks/messenger";

    private int _mid;

    private MessengerHost(HromadaAppFactory factory, FakeGraphApi graph, HttpClient client)
    {
        Factory = factory;
        Graph = graph;
        Client = client;
    }

    public HromadaAppFactory Factory { get; }
    public FakeGraphApi Graph { get; }
    public HttpClient Client { get; }

    public long Now => Factory.Time.GetUtcNow().ToUnixTimeMilliseconds();

    public string NextMid() => $"m_{Interlocked.Increment(ref _mid)}_{Guid.NewGuid():N}";

    public static async Task<MessengerHost> StartAsync(IConversationEngine? engine = null, IDictionary<string, string?>? settings = null)
    {
        var graph = await FakeGraphApi.StartAsync();
        var factory = new HromadaAppFactory().WithSettings(Settings(graph));
        if (settings is not null)
        {
            factory.WithSettings(settings);
        }
        if (engine is not null)
        {
            factory.WithServices(s =>
            {
                s.RemoveAll<IConversationEngine>();
                if (engine is FakeConversationEngine fake)
                {
                    fake.Register(s);
                }
                else
                {
                    s.AddSingleton(engine);
                }
            });
        }
        var client = factory.CreateClient();
        return new MessengerHost(factory, graph, client);
    }

    public static Dictionary<string, string?> Settings(FakeGraphApi graph) => new()
    {
        ["Hromada:Messenger:PageAccessToken"] = FakeGraphApi.PageToken,
        ["Hromada:Messenger:AppSecret"] = AppSecret,
        ["Hromada:Messenger:VerifyToken"] = VerifyToken,
        ["Hromada:Messenger:PageId"] = MessengerPayloads.PageId,
        ["Hromada:Messenger:GraphApiBaseUrl"] = graph.BaseUrl,
        ["Hromada:Messenger:GraphApiVersion"] = FakeGraphApi.Version,
        ["Hromada:Pipeline:RetryDelay"] = "00:00:02",
    };

    /// <summary>POSTs a webhook body signed with the app secret (or the given signature).</summary>
    public async Task<HttpResponseMessage> PostAsync(string body, string? signature = null)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookPath) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signature ?? MessengerPayloads.Sign(body, AppSecret));
        return await Client.SendAsync(request);
    }

    /// <summary>POSTs one event in its own webhook body and checks Meta gets a 200.</summary>
    public async Task SendAsync(JsonObject messagingEvent)
    {
        using var response = await PostAsync(MessengerPayloads.Webhook([messagingEvent]));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Puts a message in the outbox as a notice or an announcement would be, and wakes the senders.</summary>
    public async Task<long> EnqueueAsync(OutboxRequest request)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var row = outbox.Enqueue(request);
        await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().SaveChangesAsync();
        outbox.Signal();
        return row.Id;
    }

    /// <summary>The outbox row once the dispatcher has recorded the outcome <paramref name="done"/> waits for.</summary>
    public Task<OutboxMessage> OutboxAsync(long id, Func<OutboxMessage, bool> done, string what) =>
        Eventually.GetAsync(() => DbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(o => o.Id == id)).GetAwaiter().GetResult(), done, what);

    /// <summary>Runs <paramref name="work"/> with a fresh scope's database.</summary>
    public async Task<T> DbAsync<T>(Func<HromadaDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HromadaDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Graph.DisposeAsync();
    }
}

