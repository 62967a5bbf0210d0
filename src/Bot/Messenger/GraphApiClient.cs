using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Messenger;

/// <summary>
/// The Graph API calls the channel makes. Errors come back as <see cref="GraphResult"/>, not exceptions; the outbox
/// dispatcher decides whether and when to try again.
/// </summary>
internal sealed class GraphApiClient(HttpClient http, IOptions<MessengerOptions> options, ILogger<GraphApiClient> logger)
{
    public const string MessagingTypeResponse = "RESPONSE";
    public const string MessagingTypeUpdate = "UPDATE";

    public Task<GraphResult> SendAsync(string psid, GraphMessage message, string messagingType, CancellationToken ct) =>
        PostAsync("me/messages", new SendRequest(new GraphRecipient(psid), messagingType, message), ct);

    public Task<GraphResult> SetProfileAsync(object profile, CancellationToken ct) =>
        PostAsync("me/messenger_profile", profile, ct);

    /// <summary>A post on the Page's feed (POST /{page-id}/feed), e.g. an announcement.</summary>
    public Task<GraphResult> PostToFeedAsync(string pageId, string text, CancellationToken ct) =>
        PostAsync($"{Uri.EscapeDataString(pageId)}/feed", new FeedPost(text), ct);

    /// <summary>
    /// A photo post on the Page (POST /{page-id}/photos with the picture's public address and the text), e.g. an
    /// announcement with its card; Facebook fetches the picture from <paramref name="url"/>.
    /// </summary>
    public Task<GraphResult> PostPhotoAsync(string pageId, string url, string text, CancellationToken ct) =>
        PostAsync($"{Uri.EscapeDataString(pageId)}/photos", new PhotoPost(url, text), ct);

    private async Task<GraphResult> PostAsync<T>(string path, T body, CancellationToken ct)
    {
        var o = options.Value;
        var url = $"{o.GraphApiBaseUrl.TrimEnd('/')}/{o.GraphApiVersion}/{path}?access_token={Uri.EscapeDataString(o.PageAccessToken)}";
        try
        {
            using var response = await http.PostAsJsonAsync(url, body, GraphJson.Options, ct);
            if (response.IsSuccessStatusCode)
            {
                return GraphResult.Success((int)response.StatusCode);
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            var error = GraphError.TryParse(text);
            logger.LogWarning("Graph API {Path} answered {Status}: {Error}", path, (int)response.StatusCode,
                error?.ToString() ?? Truncate(text));
            return new GraphResult(false, (int)response.StatusCode, error, error is null ? Truncate(text) : null);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Graph API {Path} unreachable: {Message}", path, ex.Message);
            return new GraphResult(false, 0, null, ex.Message);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Graph API {Path} timed out: {Message}", path, ex.Message);
            return new GraphResult(false, 0, null, "timed out");
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
