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
    string Psid, string MessagingType, string Text, IReadOnlyList<SentQuickReply> QuickReplies, IReadOnlyList<SentButton>? Buttons = null,
    IReadOnlyList<SentCard>? Cards = null);

/// <summary>A button of a button template: type (web_url), title, url; or of a card: type (postback), title, payload.</summary>
public sealed record SentButton(string Type, string Title, string Url, string? Payload = null);

/// <summary>A card of a generic template (a carousel when there are several): title, subtitle and its buttons.</summary>
public sealed record SentCard(string Title, string? Subtitle, IReadOnlyList<SentButton> Buttons);

/// <summary>A Page post as the Graph API received it: POST /{page-id}/feed (no picture) or /{page-id}/photos.</summary>
public sealed record PagePost(string PageId, string Edge, string Message, string? Url);

/// <summary>
/// A fake Graph API on 127.0.0.1 that speaks the Send API, the Messenger Profile API and Page posts (feed and photos): it records every call,
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
    private readonly List<PagePost> _posts = [];
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

    /// <summary>Page posts that succeeded, feed and photos.</summary>
    public IReadOnlyList<PagePost> Posts
    {
        get
        {
            lock (_posts)
            {
                return [.. _posts];
            }
        }
    }

    /// <summary>
    /// How the fake fetches a photo post's url, as Facebook does (the tests point it at the host); null: the url is taken
    /// without fetching it. A picture that cannot be fetched answers Graph's error 324.
    /// </summary>
    public Func<string, Task<HttpResponseMessage>>? FetchImage { get; set; }

    /// <summary>The bytes of each picture the fake fetched, by its url.</summary>
    public ConcurrentDictionary<string, byte[]> FetchedImages { get; } = new();

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
        app.MapPost($"/{Version}/{{pageId}}/feed", (HttpContext c, string pageId) => fake.PageAsync(c, pageId, "feed"));
        app.MapPost($"/{Version}/{{pageId}}/photos", (HttpContext c, string pageId) => fake.PageAsync(c, pageId, "photos"));
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
        List<SentCard>? cards = null;
        if (message["attachment"] is JsonObject { } generic && generic["payload"]?["template_type"]?.GetValue<string>() == "generic")
        {
            // The generic template, as the Send API checks it: no text beside it, 1–10 elements, each a title up to 80 and
            // something besides it, at most 3 buttons; postback buttons with titles up to 20 and payloads up to 1000.
            cards = (generic["payload"]!["elements"]?.AsArray() ?? []).Select(e => new SentCard(
                    e!["title"]?.GetValue<string>() ?? "", e["subtitle"]?.GetValue<string>(),
                    (e["buttons"]?.AsArray() ?? []).Select(b => new SentButton(b!["type"]?.GetValue<string>() ?? "", b["title"]?.GetValue<string>() ?? "",
                        b["url"]?.GetValue<string>() ?? "", b["payload"]?.GetValue<string>())).ToList()))
                .ToList();
            if (text.Length > 0 || generic["type"]?.GetValue<string>() != "template" || cards.Count is 0 or > 10
                || cards.Any(c => c.Title.Length is 0 or > 80 || c.Subtitle?.Length > 80 || c.Buttons.Count > 3 || (c.Subtitle is null && c.Buttons.Count == 0))
                || cards.SelectMany(c => c.Buttons).Any(b => b.Type != "postback" || b.Title.Length is 0 or > 20 || b.Payload is not { Length: > 0 and <= 1000 }))
            {
                return Error(HttpStatusCode.BadRequest, 100, null, "(#100) Invalid generic template.");
            }
        }
        else if (message["attachment"] is JsonObject attachment)
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
            _sent.Add(new SentMessage(psid, body["messaging_type"]?.GetValue<string>() ?? "", text, quickReplies, buttons, cards));
        }
        return Results.Json(new { recipient_id = psid, message_id = "m_" + Guid.NewGuid().ToString("N") });
    }

    /// <summary>
    /// A Page post: feed takes message (or link), photos takes url (fetched, must be a picture) and an optional message.
    /// Answers {"id"} for the feed and {"id","post_id"} for a photo, as Graph does.
    /// </summary>
    private async Task<IResult> PageAsync(HttpContext context, string pageId, string edge)
    {
        if (context.Request.Query["access_token"] != PageToken)
        {
            return Error(HttpStatusCode.BadRequest, 190, null, "Invalid OAuth access token.");
        }
        var body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        var message = body["message"]?.GetValue<string>() ?? "";
        var url = body["url"]?.GetValue<string>();
        if (edge == "feed" && message.Length == 0)
        {
            return Error(HttpStatusCode.BadRequest, 100, null, "(#100) Missing message or attachment");
        }
        if (edge == "photos")
        {
            if (url is null || !Uri.IsWellFormedUriString(url, UriKind.Absolute))
            {
                return Error(HttpStatusCode.BadRequest, 324, null, "(#324) Requires upload file");
            }
            if (FetchImage is { } fetch)
            {
                using var response = await fetch(url);
                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType is not ("image/jpeg" or "image/png"))
                {
                    return Error(HttpStatusCode.BadRequest, 324, null, "(#324) Missing or invalid image file");
                }
                FetchedImages[url] = await response.Content.ReadAsByteArrayAsync();
            }
        }
        lock (_posts)
        {
            _posts.Add(new PagePost(pageId, edge, message, url));
        }
        var postId = $"{pageId}_{Random.Shared.NextInt64(1_000_000_000, 9_999_999_999)}";
        return edge == "photos"
            ? Results.Json(new { id = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), post_id = postId })
            : Results.Json(new { id = postId });
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
