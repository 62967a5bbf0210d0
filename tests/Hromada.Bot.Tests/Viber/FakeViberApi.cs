using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hromada.Bot.Tests.Viber;

/// <summary>A keyboard button as send_message received it.</summary>
public sealed record SentButton(string ActionType, string ActionBody, string Text, bool Silent, int Columns = 6);

/// <summary>One send_message call that went through.</summary>
public sealed record SentViberMessage(string Receiver, string Text, IReadOnlyList<SentButton> Buttons, int? MinApiVersion, string SenderName);

/// <summary>One broadcast_message call that went through.</summary>
public sealed record SentBroadcast(IReadOnlyList<string> Receivers, string Text);

/// <summary>
/// A fake Viber REST Bot API on 127.0.0.1 (POST /pa/{method} with X-Viber-Auth-Token): answers HTTP 200 with a
/// status in the JSON body as Viber does, checks the limits it documents (text 7000, sender name 28, broadcast 300,
/// keyboard Type and button fields), records every call, and can fail the next calls with a given status.
/// </summary>
public sealed class FakeViberApi : IAsyncDisposable
{
    public const string Token = "test-viber-auth-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();
    private readonly ConcurrentQueue<(int Status, string Message)> _webhookFailures = new();
    private readonly ConcurrentDictionary<string, int> _unsubscribed = new(StringComparer.Ordinal);
    private readonly List<SentViberMessage> _sent = [];
    private readonly List<SentBroadcast> _broadcasts = [];
    private readonly List<JsonObject> _webhooks = [];
    private long _token = 5_000_000_000_000_000_000;
    private int _attempts;

    private FakeViberApi(WebApplication app) => _app = app;

    /// <summary>The base URL the channel is configured with (…/pa).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every send_message and broadcast_message call, answered with success or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyList<SentViberMessage> Sent { get { lock (_sent) { return [.. _sent]; } } }

    public IReadOnlyList<SentBroadcast> Broadcasts { get { lock (_broadcasts) { return [.. _broadcasts]; } } }

    public IReadOnlyList<JsonObject> WebhookCalls { get { lock (_webhooks) { return [.. _webhooks]; } } }

    public IReadOnlyList<SentViberMessage> SentTo(string receiver) => Sent.Where(m => m.Receiver == receiver).ToList();

    /// <summary>The next send_message or broadcast_message call answers with this status (queued; one call each).</summary>
    public void FailNext(int status) => _failures.Enqueue(status);

    /// <summary>The next set_webhook call answers with this status and message, as Viber does for a URL it cannot reach.</summary>
    public void FailNextWebhook(int status, string message) => _webhookFailures.Enqueue((status, message));

    /// <summary>This receiver has left: send_message answers 6 (receiverNotSubscribed), broadcast_message lists it in failed_list.</summary>
    public void Unsubscribe(string receiver) => _unsubscribed[receiver] = 6;

    public static async Task<FakeViberApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeViberApi(app);
        app.MapPost("/pa/send_message", (Delegate)fake.SendAsync);
        app.MapPost("/pa/broadcast_message", (Delegate)fake.BroadcastAsync);
        app.MapPost("/pa/set_webhook", (Delegate)fake.SetWebhookAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First() + "/pa";
        return fake;
    }

    private async Task<IResult> SendAsync(HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        if (Refused(context) is { } refused)
        {
            return refused;
        }
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        if (Invalid(body) is { } bad)
        {
            return bad;
        }
        var receiver = body["receiver"]?.GetValue<string>() ?? "";
        if (receiver.Length == 0)
        {
            return Status(4, "missingData: receiver");
        }
        if (_unsubscribed.TryGetValue(receiver, out var gone))
        {
            return Status(gone, "receiverNotSubscribed");
        }
        var buttons = (body["keyboard"]?["Buttons"]?.AsArray() ?? [])
            .Select(b => new SentButton(b!["ActionType"]?.GetValue<string>() ?? "reply", b["ActionBody"]!.GetValue<string>(),
                b["Text"]?.GetValue<string>() ?? "", b["Silent"]?.GetValue<bool>() ?? false, b["Columns"]?.GetValue<int>() ?? 6))
            .ToList();
        lock (_sent)
        {
            _sent.Add(new SentViberMessage(receiver, body["text"]!.GetValue<string>(), buttons, body["min_api_version"]?.GetValue<int>(),
                body["sender"]!["name"]!.GetValue<string>()));
        }
        return Results.Json(new { status = 0, status_message = "ok", message_token = Interlocked.Increment(ref _token), chat_hostname = "SN-CHAT-01_" });
    }

    private async Task<IResult> BroadcastAsync(HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        if (Refused(context) is { } refused)
        {
            return refused;
        }
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        if (Invalid(body) is { } bad)
        {
            return bad;
        }
        var receivers = (body["broadcast_list"]?.AsArray() ?? []).Select(r => r!.GetValue<string>()).ToList();
        if (receivers.Count is 0 or > 300)
        {
            return Status(3, "badData: broadcast_list must have 1 to 300 receivers");
        }
        var failed = receivers.Where(_unsubscribed.ContainsKey)
            .Select(r => new { receiver = r, status = _unsubscribed[r], status_message = "Not subscribed" }).ToList();
        lock (_broadcasts)
        {
            _broadcasts.Add(new SentBroadcast(receivers.Where(r => !_unsubscribed.ContainsKey(r)).ToList(), body["text"]!.GetValue<string>()));
        }
        return Results.Json(new { message_token = Interlocked.Increment(ref _token), status = 0, status_message = "ok", failed_list = failed });
    }

    private async Task<IResult> SetWebhookAsync(HttpContext context)
    {
        if (Refused(context, countFailure: false) is { } refused)
        {
            return refused;
        }
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        lock (_webhooks)
        {
            _webhooks.Add(body);
        }
        if (_webhookFailures.TryDequeue(out var failure))
        {
            return Results.Json(new { status = failure.Status, status_message = failure.Message });
        }
        return Results.Json(new { status = 0, status_message = "ok", event_types = body["event_types"] });
    }

    private IResult? Refused(HttpContext context, bool countFailure = true)
    {
        if (context.Request.Headers["X-Viber-Auth-Token"] != Token)
        {
            return Status(2, "invalidAuthToken");
        }
        return countFailure && _failures.TryDequeue(out var status) ? Status(status, status == 12 ? "tooManyRequests" : "failure") : null;
    }

    /// <summary>What Viber refuses in any message: a missing or over-long text or sender name, a malformed keyboard.</summary>
    private static IResult? Invalid(JsonObject body)
    {
        var text = body["text"]?.GetValue<string>() ?? "";
        if (body["type"]?.GetValue<string>() != "text" || text.Length is 0 or > 7000)
        {
            return Status(3, "badData: text");
        }
        var name = body["sender"]?["name"]?.GetValue<string>() ?? "";
        if (name.Length is 0 or > 28)
        {
            return Status(4, "missingData: sender.name");
        }
        if (body["keyboard"] is JsonObject keyboard)
        {
            if (keyboard["Type"]?.GetValue<string>() != "keyboard" || keyboard["Buttons"] is not JsonArray buttons || buttons.Count == 0)
            {
                return Status(3, "badData: keyboard");
            }
            foreach (var b in buttons)
            {
                var action = b!["ActionType"]?.GetValue<string>() ?? "reply";
                var columns = b["Columns"]?.GetValue<int>() ?? 6;
                if (string.IsNullOrEmpty(b["ActionBody"]?.GetValue<string>()) || (b["Text"]?.GetValue<string>().Length ?? 0) > 250
                    || columns is < 1 or > 6 || action is not ("reply" or "share-phone" or "open-url" or "none" or "location-picker"))
                {
                    return Status(3, "badData: button");
                }
                if (action == "share-phone" && (body["min_api_version"]?.GetValue<int>() ?? 1) < 3)
                {
                    return Status(14, "incompatibleWithVersion: share-phone needs min_api_version 3");
                }
            }
        }
        return null;
    }

    private static IResult Status(int status, string message) => Results.Json(new { status, status_message = message });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
