using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.Bot.Tests.Telegram;

/// <summary>One Bot API call the service made.</summary>
public sealed record BotApiCall(string Method, JsonObject Body)
{
    /// <summary>For a successful sendMessage: the message_id the fake gave the sent message.</summary>
    public int? MessageId { get; set; }

    /// <summary>True when the fake answered this call with an injected error.</summary>
    public bool Failed { get; set; }

    /// <summary>The service's clock when the call arrived (when <see cref="FakeBotApi.Clock"/> is set).</summary>
    public DateTimeOffset? At { get; init; }
}

/// <summary>
/// A small Telegram Bot API server on 127.0.0.1 speaking the real protocol: /bot{token}/{method}, the
/// {"ok":true,"result":…} envelope, getUpdates long polling with offset semantics, and the real error shape.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456789:TEST-token_for-the-fake-api";
    public const long BotId = 123456789;

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<BotApiCall> _calls = new();
    private readonly List<JsonObject> _updates = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(int Status, string Body)>> _failures = new();
    private readonly ConcurrentDictionary<long, ConcurrentQueue<(int Status, string Body)>> _chatFailures = new();
    private readonly ConcurrentDictionary<string, int> _holds = new();
    private readonly SemaphoreSlim _newUpdates = new(0);
    private readonly Lock _lock = new();
    private int _messageId = 1000;

    private FakeBotApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>When set, each call is stamped with this clock (the host's fake clock) as it arrives.</summary>
    public Func<DateTimeOffset>? Clock { get; set; }

    public IReadOnlyList<BotApiCall> Calls => _calls.ToList();

    public IReadOnlyList<BotApiCall> CallsOf(string method) => _calls.Where(c => c.Method == method).ToList();

    /// <summary>sendMessage calls to <paramref name="chatId"/>.</summary>
    public IReadOnlyList<BotApiCall> SentTo(long chatId) =>
        _calls.Where(c => c.Method == "sendMessage" && !c.Failed && c.Body["chat_id"]?.GetValue<long>() == chatId).ToList();

    /// <summary>Successful editMessageReplyMarkup calls to <paramref name="chatId"/> that put new buttons on a message (not those removing them).</summary>
    public IReadOnlyList<BotApiCall> KeyboardsEditedIn(long chatId) =>
        _calls.Where(c => c.Method == "editMessageReplyMarkup" && !c.Failed && c.Body["chat_id"]?.GetValue<long>() == chatId
            && c.Body["reply_markup"]?["inline_keyboard"] is JsonArray).ToList();

    public static async Task<FakeBotApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeBotApi(app);
        app.Map("/bot{token}/{method}", (Delegate)fake.HandleAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>Queues an update for getUpdates.</summary>
    public void Enqueue(JsonObject update)
    {
        lock (_lock)
        {
            _updates.Add(update);
        }
        _newUpdates.Release();
    }

    /// <summary>The next call of <paramref name="method"/> fails with this Bot API error.</summary>
    public void FailNext(string method, int errorCode, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }
        _failures.GetOrAdd(method, _ => new()).Enqueue((errorCode, body.ToJsonString()));
    }

    /// <summary>The next sendMessage to <paramref name="chatId"/> fails with this Bot API error (other chats are served).</summary>
    public void FailNextTo(long chatId, int errorCode, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = errorCode, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }
        _chatFailures.GetOrAdd(chatId, _ => new()).Enqueue((errorCode, body.ToJsonString()));
    }

    /// <summary>
    /// How the fake fetches a sendPhoto's HTTP URL, as Telegram's servers do (the tests point it at the host); null: the
    /// URL is taken without fetching it. A photo that cannot be fetched answers Telegram's 400.
    /// </summary>
    public Func<string, Task<HttpResponseMessage>>? FetchPhoto { get; set; }

    /// <summary>The bytes of each photo the fake fetched, by its URL.</summary>
    public ConcurrentDictionary<string, byte[]> FetchedPhotos { get; } = new();

    /// <summary>A call made another way than a request to the fake (a method in a webhook's answer).</summary>
    public void Record(string method, JsonObject body) => _calls.Enqueue(new BotApiCall(method, body));

    /// <summary>While true, Telegram is down: every send answers 502 Bad Gateway (an outage of the Bot API).</summary>
    public bool Down
    {
        get => Volatile.Read(ref _down);
        set => Volatile.Write(ref _down, value);
    }

    private bool _down;

    /// <summary>The next call of <paramref name="method"/> never gets an answer (until the caller gives up), and is not counted as made.</summary>
    public void HoldNext(string method) => _holds.AddOrUpdate(method, 1, (_, n) => n + 1);

    private async Task<IResult> HandleAsync(HttpContext http, string token, string method)
    {
        JsonObject body;
        try
        {
            body = await ReadOrEmptyAsync(http);
        }
        catch (System.Text.Json.JsonException)
        {
            body = [];
        }
        if (token != Token)
        {
            return Error(401, "Unauthorized");
        }
        if (_holds.TryGetValue(method, out var holds) && holds > 0 && _holds.TryUpdate(method, holds - 1, holds))
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return Results.Empty;
        }
        var call = new BotApiCall(method, body) { At = Clock?.Invoke() };
        if (method != "getUpdates")
        {
            _calls.Enqueue(call);
        }
        if (Down && method is "sendMessage" or "answerCallbackQuery" or "editMessageReplyMarkup")
        {
            call.Failed = true;
            return Error(502, "Bad Gateway");
        }
        if (_failures.TryGetValue(method, out var queue) && queue.TryDequeue(out var failure))
        {
            call.Failed = true;
            return Results.Content(failure.Body, "application/json", statusCode: failure.Status);
        }
        if (method == "sendMessage" && body["chat_id"]?.GetValue<long>() is { } chat
            && _chatFailures.TryGetValue(chat, out var chatQueue) && chatQueue.TryDequeue(out var chatFailure))
        {
            call.Failed = true;
            return Results.Content(chatFailure.Body, "application/json", statusCode: chatFailure.Status);
        }
        return method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = BotId, ["is_bot"] = true, ["first_name"] = "Громада", ["username"] = "hromada_test_bot" }),
            "getUpdates" => await GetUpdatesAsync(body, http.RequestAborted),
            "deleteWebhook" or "setWebhook" or "answerCallbackQuery" => Ok(true),
            "sendMessage" => Ok(new JsonObject
            {
                ["message_id"] = call.MessageId = Interlocked.Increment(ref _messageId),
                ["date"] = 1_793_000_000,
                ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "private" },
                ["text"] = body["text"]?.DeepClone(),
            }),
            "sendPhoto" => await SendPhotoAsync(call, body),
            // With chat_id and message_id the Bot API answers with the edited Message (true only for inline messages).
            "editMessageReplyMarkup" => Ok(new JsonObject
            {
                ["message_id"] = body["message_id"]?.DeepClone(),
                ["date"] = 1_793_000_000,
                ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "private" },
                ["text"] = "…",
            }),
            _ => Error(404, "Not Found: method not found"),
        };
    }

    /// <summary>
    /// sendPhoto with the photo as an HTTP URL (what the service sends): the caption is checked against Telegram's 1,024
    /// characters after entity parsing, and the URL fetched as Telegram would.
    /// </summary>
    private async Task<IResult> SendPhotoAsync(BotApiCall call, JsonObject body)
    {
        var photo = body["photo"]?.GetValue<string>();
        if (photo is null || !Uri.TryCreate(photo, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            call.Failed = true;
            return Error(400, "Bad Request: wrong file identifier/HTTP URL specified");
        }
        var caption = body["caption"]?.GetValue<string>() ?? "";
        if (System.Net.WebUtility.HtmlDecode(caption).Length > 1024)
        {
            call.Failed = true;
            return Error(400, "Bad Request: message caption is too long");
        }
        if (FetchPhoto is { } fetch)
        {
            using var response = await fetch(photo);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "image/jpeg")
            {
                call.Failed = true;
                return Error(400, "Bad Request: failed to get HTTP URL content");
            }
            FetchedPhotos[photo] = bytes;
        }
        return Ok(new JsonObject
        {
            ["message_id"] = call.MessageId = Interlocked.Increment(ref _messageId),
            ["date"] = 1_793_000_000,
            ["chat"] = new JsonObject { ["id"] = body["chat_id"]?.DeepClone(), ["type"] = "channel" },
            ["photo"] = new JsonArray(new JsonObject { ["file_id"] = "AgAC" + call.MessageId, ["file_unique_id"] = "u" + call.MessageId, ["width"] = 1080, ["height"] = 1080 }),
            ["caption"] = caption,
        });
    }

    private static async Task<JsonObject> ReadOrEmptyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync();
        return string.IsNullOrWhiteSpace(text) ? [] : JsonNode.Parse(text) as JsonObject ?? [];
    }

    private async Task<IResult> GetUpdatesAsync(JsonObject body, CancellationToken ct)
    {
        var offset = body["offset"]?.GetValue<int>() ?? 0;
        var timeout = Math.Min(body["timeout"]?.GetValue<int>() ?? 0, 1);
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(timeout);
        while (true)
        {
            JsonArray result;
            lock (_lock)
            {
                // Offset semantics: asking from an offset confirms (and forgets) every update before it.
                _updates.RemoveAll(u => u["update_id"]!.GetValue<int>() < offset);
                result = new JsonArray(_updates.Select(u => (JsonNode)u.DeepClone()).ToArray());
            }
            var remaining = deadline - TimeProvider.System.GetUtcNow();
            if (result.Count > 0 || remaining <= TimeSpan.Zero)
            {
                return Ok(result);
            }
            await _newUpdates.WaitAsync(remaining, ct);
        }
    }

    private static IResult Ok(JsonNode result) =>
        Results.Content(new JsonObject { ["ok"] = true, ["result"] = result }.ToJsonString(), "application/json");

    private static IResult Error(int code, string description) =>
        Results.Content(new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description }.ToJsonString(), "application/json", statusCode: code);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _newUpdates.Dispose();
    }
}
