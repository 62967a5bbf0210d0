using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hromada.Bot.Tests.Messenger;

/// <summary>A quick reply as the Send API received it.</summary>
public sealed record SentQuickReply(string ContentType, string? Title, string? Payload);

/// <summary>One Send API call that succeeded.</summary>
public sealed record SentMessage(
    string Psid, string MessagingType, string Text, IReadOnlyList<SentQuickReply> QuickReplies, IReadOnlyList<SentButton>? Buttons = null);

/// <summary>A button of a button template: type (web_url), title, url.</summary>
public sealed record SentButton(string Type, string Title, string Url);

/// <summary>
/// A fake Graph API on 127.0.0.1 that speaks the Send API and the Messenger Profile API: it records every call,
/// answers like Meta, and can fail the next calls with Graph's real error shape.
/// </summary>
public sealed class FakeGraphApi : IAsyncDisposable
{
    public const string Version = "v25.0";
    public const string PageToken = "test-page-token";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, int Code, int? Subcode, string Message)> _failures = new();
    private readonly List<SentMessage> _sent = [];
    private readonly List<JsonObject> _profiles = [];
    private int _attempts;

    private FakeGraphApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Every Send API request, successful or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public IReadOnlyList<JsonObject> ProfileCalls
    {
        get
        {
            lock (_profiles)
            {
                return [.. _profiles];
            }
        }
    }

    public IReadOnlyList<SentMessage> SentTo(string psid) => Sent.Where(m => m.Psid == psid).ToList();

    /// <summary>The next Send API call fails with this Graph error (queued; one call each).</summary>
    public void FailNext(int httpStatus, int code, int? subcode, string message) => _failures.Enqueue((httpStatus, code, subcode, message));

    public static async Task<FakeGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGraphApi(app);
        app.MapPost($"/{Version}/me/messages", (Delegate)fake.SendAsync);
        app.MapPost($"/{Version}/me/messenger_profile", (Delegate)fake.ProfileAsync);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    private async Task<IResult> SendAsync(HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        if (context.Request.Query["access_token"] != PageToken)
        {
            return Error(HttpStatusCode.BadRequest, 190, null, "Invalid OAuth access token.");
        }
        if (_failures.TryDequeue(out var failure))
        {
            return Error((HttpStatusCode)failure.Status, failure.Code, failure.Subcode, failure.Message);
        }

        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var psid = body["recipient"]!["id"]!.GetValue<string>();
        var message = body["message"]!.AsObject();
        var text = message["text"]?.GetValue<string>() ?? "";
        List<SentButton>? buttons = null;
        if (message["attachment"] is JsonObject attachment)
        {
            // The button template, as the Send API checks it: no text beside it, text up to 640, 1–3 buttons, titles up to 20.
            var payload = attachment["payload"] as JsonObject;
            if (text.Length > 0 || attachment["type"]?.GetValue<string>() != "template" || payload?["template_type"]?.GetValue<string>() != "button")
            {
                return Error(HttpStatusCode.BadRequest, 100, null, "(#100) Invalid attachment.");
            }
            text = payload["text"]?.GetValue<string>() ?? "";
            buttons = (payload["buttons"]?.AsArray() ?? [])
                .Select(b => new SentButton(b!["type"]?.GetValue<string>() ?? "", b["title"]?.GetValue<string>() ?? "", b["url"]?.GetValue<string>() ?? ""))
                .ToList();
            if (text.Length is 0 or > 640 || buttons.Count is 0 or > 3
                || buttons.Any(b => b.Type != "web_url" || b.Title.Length is 0 or > 20 || !Uri.IsWellFormedUriString(b.Url, UriKind.Absolute)))
            {
                return Error(HttpStatusCode.BadRequest, 100, null, "(#100) Invalid button template.");
            }
        }
        else if (text.Length == 0 || text.Length > 2000)
        {
            return Error(HttpStatusCode.BadRequest, 100, null, "(#100) Length of param message[text] must be between 1 and 2000.");
        }
        var quickReplies = (message["quick_replies"]?.AsArray() ?? [])
            .Select(q => new SentQuickReply(q!["content_type"]!.GetValue<string>(), q["title"]?.GetValue<string>(), q["payload"]?.GetValue<string>()))
            .ToList();
        if (quickReplies.Count > 13 || quickReplies.Any(q => q.Title?.Length > 20 || q.Payload?.Length > 1000))
        {
            return Error(HttpStatusCode.BadRequest, 100, null, "(#100) Invalid quick_replies.");
        }
        lock (_sent)
        {
            _sent.Add(new SentMessage(psid, body["messaging_type"]?.GetValue<string>() ?? "", text, quickReplies, buttons));
        }
        return Results.Json(new { recipient_id = psid, message_id = "m_" + Guid.NewGuid().ToString("N") });
    }

    private async Task<IResult> ProfileAsync(HttpContext context)
    {
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        lock (_profiles)
        {
            _profiles.Add(body);
        }
        return Results.Json(new { result = "success" });
    }

    private static IResult Error(HttpStatusCode status, int code, int? subcode, string message) =>
        Results.Json(new
        {
            error = new { message, type = "OAuthException", code, error_subcode = subcode, fbtrace_id = "AbCdEfGh123" },
        }, statusCode: (int)status, options: new JsonSerializerOptions { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
