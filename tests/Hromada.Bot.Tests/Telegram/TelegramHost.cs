using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Telegram;

/// <summary>The real host with the Telegram channel on, against a <see cref="FakeBotApi"/>, in polling or webhook mode.</summary>
public sealed class TelegramHost : IAsyncDisposable
{
    public const string Secret = "test_webhook-secret";
    private int _updateId = 100;

    private bool _ownsApi;

    private TelegramHost(HromadaAppFactory factory, FakeBotApi api, HttpClient client, bool webhook)
    {
        Factory = factory;
        Api = api;
        Client = client;
        Webhook = webhook;
    }

    public HromadaAppFactory Factory { get; }
    public FakeBotApi Api { get; }
    public HttpClient Client { get; }
    public bool Webhook { get; }

    public int NextUpdateId() => Interlocked.Increment(ref _updateId);

    public static async Task<TelegramHost> StartAsync(
        bool webhook = false, FakeBotApi? api = null, string? folder = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null, int firstUpdateId = 100, TestDatabase? database = null)
    {
        var ownsApi = api is null;
        api ??= await FakeBotApi.StartAsync();
        var telegram = new Dictionary<string, string?>
        {
            ["Hromada:Telegram:Token"] = FakeBotApi.Token,
            ["Hromada:Telegram:ApiBaseUrl"] = api.BaseUrl,
            ["Hromada:Telegram:Mode"] = webhook ? "Webhook" : "Polling",
            ["Hromada:Telegram:WebhookUrl"] = webhook ? "https://bot.example-hromada.gov.ua/telegram/webhook" : "",
            ["Hromada:Telegram:WebhookSecret"] = webhook ? Secret : "",
        };
        var factory = new HromadaAppFactory().WithSettings(telegram);
        if (database is not null)
        {
            factory.WithSettings(database.Settings);
        }
        if (settings is not null)
        {
            factory.WithSettings(settings);
        }
        if (services is not null)
        {
            factory.WithServices(services);
        }
        if (folder is not null)
        {
            factory.WithSettings(new Dictionary<string, string?> { ["ConnectionStrings:Hromada"] = $"Data Source={Path.Combine(folder, "hromada.db")}" });
        }
        var client = factory.CreateClient();
        return new TelegramHost(factory, api, client, webhook) { _ownsApi = ownsApi, _updateId = firstUpdateId };
    }

    /// <summary>Delivers an update the way the mode does: queued for getUpdates, or POSTed to the webhook.</summary>
    public async Task DeliverAsync(JsonObject update)
    {
        if (!Webhook)
        {
            Api.Enqueue(update);
            return;
        }
        using var response = await PostWebhookAsync(update.ToJsonString(), Secret);
        response.EnsureSuccessStatusCode();
        // As Telegram does: a method in the webhook's answer is carried out as a Bot API call.
        var answer = await response.Content.ReadAsStringAsync();
        if (answer.Length > 0 && JsonNode.Parse(answer) is JsonObject call && call["method"]?.GetValue<string>() is { } method)
        {
            Api.Record(method, call);
        }
    }

    public async Task<HttpResponseMessage> PostWebhookAsync(string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return await Client.SendAsync(request);
    }

    public async Task<T> DbAsync<T>(Func<HromadaDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HromadaDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        if (_ownsApi)
        {
            await Api.DisposeAsync();
        }
    }
}

/// <summary>A resident in a private chat: types, presses the inline buttons the bot sent, shares contacts.</summary>
public sealed class TelegramResident(TelegramHost host, long chatId)
{
    public IReadOnlyList<BotApiCall> Sent => host.Api.SentTo(chatId);

    public BotApiCall Last => Sent[^1];

    public string TextSince(int index) => string.Join("\n", Sent.Skip(index).Select(c => c.Body["text"]?.GetValue<string>()));

    /// <summary>New buttons the bot put on a message already sent (the ticks of a social group), oldest first.</summary>
    public IReadOnlyList<BotApiCall> Edited => host.Api.KeyboardsEditedIn(chatId);

    /// <summary>
    /// Delivers an update and waits until the bot sent a message matching <paramref name="until"/> (by default: one with
    /// buttons, or new buttons on a message already sent).
    /// </summary>
    public async Task<string> DoAsync(JsonObject update, Func<BotApiCall, bool>? until = null)
    {
        var before = Sent.Count;
        var editedBefore = Edited.Count;
        await host.DeliverAsync(update);
        var deadline = Environment.TickCount64 + 15_000;
        while (true)
        {
            var sent = Sent;
            if (sent.Count > before && (until ?? HasButtons)(sent[^1]))
            {
                return TextSince(before);
            }
            if (until is null && Edited.Count > editedBefore)
            {
                return TextSince(before);
            }
            if (Environment.TickCount64 > deadline)
            {
                var errors = await host.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                    db.InboxItems.Where(i => i.LastError != null).Select(i => i.ExternalId + ": " + i.LastError)));
                throw new TimeoutException($"No answer to {update.ToJsonString()}; errors: {string.Join("; ", errors)}; the bot said: {TextSince(0)}");
            }
            await Task.Delay(20);
        }
    }

    public static bool HasButtons(BotApiCall call) => call.Body["reply_markup"] is JsonObject;

    public Task<string> TypeAsync(string text, Func<BotApiCall, bool>? until = null) =>
        DoAsync(TelegramUpdates.Text(host.NextUpdateId(), chatId, text), until);

    /// <summary>
    /// Presses the inline button whose text starts with <paramref name="label"/> on the last message that has buttons,
    /// as they are now (after any edit of them).
    /// </summary>
    public Task<string> PressAsync(string label, Func<BotApiCall, bool>? until = null)
    {
        var (messageId, data) = Button(label);
        return DoAsync(TelegramUpdates.Callback(host.NextUpdateId(), chatId, messageId, data), until);
    }

    public (int MessageId, string Data) Button(string label)
    {
        var withButtons = Sent.Select((call, i) => (call, i)).Last(x => x.call.Body["reply_markup"]?["inline_keyboard"] is JsonArray);
        var markup = Edited.LastOrDefault(e => e.Body["message_id"]?.GetValue<int>() == withButtons.call.MessageId)?.Body["reply_markup"]
            ?? withButtons.call.Body["reply_markup"];
        var buttons = markup!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).ToList();
        var button = buttons.FirstOrDefault(b => b!["text"]!.GetValue<string>().StartsWith(label, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No button '{label}' in: {string.Join(" | ", buttons.Select(b => b!["text"]))}");
        return (withButtons.call.MessageId!.Value, button["callback_data"]!.GetValue<string>());
    }
}
