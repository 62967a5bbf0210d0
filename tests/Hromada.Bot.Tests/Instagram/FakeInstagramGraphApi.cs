using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Hromada.Bot.Tests.Instagram;

/// <summary>One media container as POST /{ig-user-id}/media made it.</summary>
public sealed record FakeContainer(string Id, string UserId, string ImageUrl, string Caption)
{
    public string StatusCode { get; set; } = "IN_PROGRESS";
    public string? Status { get; set; }
    public int StatusReads { get; set; }
    public byte[]? Image { get; set; }
}

/// <summary>One media_publish call that went through.</summary>
public sealed record FakePublish(string UserId, string ContainerId, string MediaId);

/// <summary>
/// A fake Instagram Graph API on 127.0.0.1 for content publishing, as Meta documents it: POST /{version}/{ig-user-id}/media
/// (form fields image_url and caption; the caption at most 2,200 characters) answers {"id"} of a container; GET
/// /{version}/{container-id}?fields=status_code,status reads it (IN_PROGRESS for <see cref="ReadsUntilReady"/> reads,
/// then FINISHED, or ERROR when the image could not be fetched or is not a JPEG); POST /{version}/{ig-user-id}/media_publish
/// (creation_id) publishes a FINISHED container. Errors are Graph's JSON error bodies; the access token is checked on
/// every call. Like Instagram, it fetches the image when the container is made, through <see cref="FetchImage"/>.
/// </summary>
public sealed class FakeInstagramGraphApi : IAsyncDisposable
{
    public const string Token = "test-instagram-token";
    public const string Version = "v25.0";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, FakeContainer> _containers = new();
    private readonly ConcurrentQueue<FakePublish> _publishes = new();
    private readonly ConcurrentQueue<(string Call, int Http, int Code, int? Subcode, string Message)> _failures = new();
    private long _next = 17_900_000_000_000_000;

    private FakeInstagramGraphApi(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Reads of a new container that answer IN_PROGRESS before it is FINISHED; negative: never ready.</summary>
    public int ReadsUntilReady { get; set; }

    /// <summary>How the fake fetches image_url (Instagram cURLs it); null: not fetched.</summary>
    public Func<string, Task<HttpResponseMessage>>? FetchImage { get; set; }

    public IReadOnlyList<FakeContainer> Containers => [.. _containers.Values.OrderBy(c => c.Id, StringComparer.Ordinal)];

    public IReadOnlyList<FakePublish> Publishes => [.. _publishes];

    /// <summary>The next call to <paramref name="call"/> ("media", "status" or "media_publish") answers this Graph error.</summary>
    public void FailNext(string call, int http, int code, int? subcode, string message) => _failures.Enqueue((call, http, code, subcode, message));

    public static async Task<FakeInstagramGraphApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeInstagramGraphApi(app);
        app.MapPost("/{version}/{userId}/media", (Delegate)fake.CreateAsync);
        app.MapPost("/{version}/{userId}/media_publish", (Delegate)fake.PublishAsync);
        app.MapGet("/{version}/{containerId}", (Delegate)fake.Read);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First();
        return fake;
    }

    private async Task<IResult> CreateAsync(HttpContext context, string version, string userId)
    {
        if (Refused(context, version, "media") is { } refused)
        {
            return refused;
        }
        var form = await context.Request.ReadFormAsync();
        var imageUrl = form["image_url"].ToString();
        var caption = form["caption"].ToString();
        if (!Uri.TryCreate(imageUrl, UriKind.Absolute, out _))
        {
            return Error(400, 100, null, "(#100) The parameter image_url is required");
        }
        if (caption.Length > 2200)
        {
            return Error(400, 100, 2207015, "The caption is too long.");
        }
        var container = new FakeContainer(Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture), userId, imageUrl, caption);
        if (FetchImage is { } fetch)
        {
            using var response = await fetch(imageUrl);
            container.Image = response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync() : null;
            if (container.Image is not [0xFF, 0xD8, 0xFF, ..] || response.Content.Headers.ContentType?.MediaType != "image/jpeg")
            {
                container.StatusCode = "ERROR";
                container.Status = "Error: 2207052 — the media could not be fetched from this URI, or it is not a JPEG";
            }
        }
        _containers[container.Id] = container;
        return Results.Json(new { id = container.Id });
    }

    private IResult Read(HttpContext context, string version, string containerId)
    {
        if (Refused(context, version, "status") is { } refused)
        {
            return refused;
        }
        if (!_containers.TryGetValue(containerId, out var c))
        {
            return Error(400, 100, 33, $"Unsupported get request. Object with ID '{containerId}' does not exist");
        }
        lock (c)
        {
            c.StatusReads++;
            if (c.StatusCode == "IN_PROGRESS" && ReadsUntilReady >= 0 && c.StatusReads > ReadsUntilReady)
            {
                c.StatusCode = "FINISHED";
                c.Status = "Finished: Media has been uploaded and it is ready to be published.";
            }
            return Results.Json(new { status_code = c.StatusCode, status = c.Status ?? "In Progress: Media is still being processed.", id = c.Id });
        }
    }

    private async Task<IResult> PublishAsync(HttpContext context, string version, string userId)
    {
        if (Refused(context, version, "media_publish") is { } refused)
        {
            return refused;
        }
        var form = await context.Request.ReadFormAsync();
        var creationId = form["creation_id"].ToString();
        if (!_containers.TryGetValue(creationId, out var c) || c.UserId != userId)
        {
            return Error(400, 100, 33, $"Unsupported post request. Object with ID '{creationId}' does not exist");
        }
        lock (c)
        {
            if (c.StatusCode != "FINISHED")
            {
                return Error(400, 9007, 2207027, "Media ID is not available: the media is not ready for publishing, please wait for a moment");
            }
            c.StatusCode = "PUBLISHED";
        }
        var media = new FakePublish(userId, creationId, Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture));
        _publishes.Enqueue(media);
        return Results.Json(new { id = media.MediaId });
    }

    private IResult? Refused(HttpContext context, string version, string call)
    {
        if (version != Version)
        {
            return Error(400, 2635, null, $"Unknown version {version}");
        }
        if (context.Request.Query["access_token"] != Token)
        {
            return Error(400, 190, null, "Invalid OAuth access token - Cannot parse access token");
        }
        if (_failures.TryPeek(out var f) && f.Call == call && _failures.TryDequeue(out f))
        {
            return Error(f.Http, f.Code, f.Subcode, f.Message);
        }
        return null;
    }

    private static IResult Error(int http, int code, int? subcode, string message) => Results.Json(new
    {
        error = new { message, type = code == 190 ? "OAuthException" : "IGApiException", code, error_subcode = subcode, fbtrace_id = "AbCdEf123" },
    }, statusCode: http);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
