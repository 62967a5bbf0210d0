using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Messenger;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Instagram;

/// <summary>
/// The Instagram Graph API's content publishing calls: create an image container (POST /{ig-user-id}/media with
/// image_url and caption), read its status (GET /{container-id}?fields=status_code,status) and publish it
/// (POST /{ig-user-id}/media_publish with creation_id). Errors come back as results, not exceptions.
/// </summary>
internal sealed class InstagramApiClient(HttpClient http, IOptions<InstagramOptions> options, ILogger<InstagramApiClient> logger)
{
    public Task<InstagramResult<InstagramId>> CreateImageContainerAsync(string userId, string imageUrl, string caption, CancellationToken ct) =>
        CallAsync<InstagramId>(HttpMethod.Post, $"{Uri.EscapeDataString(userId)}/media",
            new Dictionary<string, string> { ["image_url"] = imageUrl, ["caption"] = caption }, ct);

    public Task<InstagramResult<InstagramContainer>> ContainerAsync(string containerId, CancellationToken ct) =>
        CallAsync<InstagramContainer>(HttpMethod.Get, $"{Uri.EscapeDataString(containerId)}?fields=status_code,status", null, ct);

    public Task<InstagramResult<InstagramId>> PublishAsync(string userId, string containerId, CancellationToken ct) =>
        CallAsync<InstagramId>(HttpMethod.Post, $"{Uri.EscapeDataString(userId)}/media_publish",
            new Dictionary<string, string> { ["creation_id"] = containerId }, ct);

    private async Task<InstagramResult<T>> CallAsync<T>(HttpMethod method, string path, Dictionary<string, string>? form, CancellationToken ct)
        where T : class
    {
        var o = options.Value;
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var url = $"{o.GraphApiBaseUrl.TrimEnd('/')}/{o.GraphApiVersion}/{path}{separator}access_token={Uri.EscapeDataString(o.AccessToken)}";
        var name = path.Split('?')[0];
        using var request = new HttpRequestMessage(method, url);
        if (form is not null)
        {
            request.Content = new FormUrlEncodedContent(form);
        }
        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (response.IsSuccessStatusCode)
            {
                try
                {
                    if (JsonSerializer.Deserialize<T>(text, GraphJson.Options) is { } value)
                    {
                        return new InstagramResult<T>(value, (int)response.StatusCode, null);
                    }
                }
                catch (JsonException)
                {
                    // Reported below as an unreadable answer.
                }
                logger.LogWarning("Instagram {Method} {Path} answered with a body that is not its JSON: {Body}", method, name, Truncate(text));
                return new InstagramResult<T>(null, (int)response.StatusCode, null, "unreadable answer: " + Truncate(text));
            }
            var error = GraphError.TryParse(text);
            logger.LogWarning("Instagram {Method} {Path} answered {Status}: {Error}", method, name, (int)response.StatusCode, error?.ToString() ?? Truncate(text));
            return new InstagramResult<T>(null, (int)response.StatusCode, error, error is null ? Truncate(text) : null);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Instagram {Method} {Path} unreachable: {Message}", method, name, ex.Message);
            return new InstagramResult<T>(null, 0, null, ex.Message);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Instagram {Method} {Path} timed out: {Message}", method, name, ex.Message);
            return new InstagramResult<T>(null, 0, null, "timed out");
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
