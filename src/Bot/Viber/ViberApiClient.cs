using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Viber;

/// <summary>
/// The Viber REST Bot API calls the channel makes (POST {ApiBaseUrl}/{method} with X-Viber-Auth-Token). Errors come
/// back as <see cref="ViberResult"/>, not exceptions; the outbox dispatcher decides whether and when to try again.
/// </summary>
internal sealed class ViberApiClient(HttpClient http, IOptions<ViberOptions> options, ILogger<ViberApiClient> logger)
{
    public const string AuthHeader = "X-Viber-Auth-Token";

    /// <summary>The events registered with set_webhook; "message" always comes and is not listed.</summary>
    public static readonly string[] EventTypes = ["subscribed", "unsubscribed", "conversation_started", "failed"];

    public Task<ViberResult> SetWebhookAsync(string url, CancellationToken ct) =>
        PostAsync("set_webhook", new JsonObject
        {
            ["url"] = url,
            ["event_types"] = new JsonArray([.. EventTypes.Select(e => JsonValue.Create(e))]),
            ["send_name"] = true,
            ["send_photo"] = false,
        }, ct);

    public Task<ViberResult> SendAsync(string receiver, ViberMessage message, CancellationToken ct)
    {
        var body = Body(message);
        body["receiver"] = receiver;
        return PostAsync("send_message", body, ct);
    }

    /// <summary>One message to up to 300 subscribers; the answer's failed_list names those it did not reach.</summary>
    public Task<ViberResult> BroadcastAsync(IReadOnlyList<string> receivers, ViberMessage message, CancellationToken ct)
    {
        var body = Body(message);
        body["broadcast_list"] = new JsonArray([.. receivers.Select(r => JsonValue.Create(r))]);
        return PostAsync("broadcast_message", body, ct);
    }

    /// <summary>The message with the configured sender, as a JSON object to which the call adds its receivers.</summary>
    public JsonObject Body(ViberMessage message)
    {
        var o = options.Value;
        var body = JsonSerializer.SerializeToNode(message, ViberJson.Options)!.AsObject();
        body["sender"] = JsonSerializer.SerializeToNode(
            new ViberSender(o.BotName.Trim(), string.IsNullOrWhiteSpace(o.AvatarUrl) ? null : o.AvatarUrl.Trim()), ViberJson.Options);
        return body;
    }

    private async Task<ViberResult> PostAsync(string method, JsonObject body, CancellationToken ct)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{o.ApiBaseUrl.TrimEnd('/')}/{method}")
        {
            Content = JsonContent.Create(body, options: ViberJson.Options),
        };
        request.Headers.Add(AuthHeader, o.AuthToken);
        try
        {
            using var response = await http.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Viber {Method} answered HTTP {Status}: {Body}", method, (int)response.StatusCode, Truncate(text));
                return new ViberResult(null, (int)response.StatusCode, Truncate(text), []);
            }
            ViberResponse? answer;
            try
            {
                answer = JsonSerializer.Deserialize<ViberResponse>(text, ViberJson.Options);
            }
            catch (JsonException)
            {
                answer = null;
            }
            if (answer is null)
            {
                logger.LogWarning("Viber {Method} answered with a body that is not its JSON: {Body}", method, Truncate(text));
                return new ViberResult(null, (int)response.StatusCode, "unreadable answer: " + Truncate(text), []);
            }
            if (answer.Status != ViberStatus.Ok)
            {
                logger.LogWarning("Viber {Method} answered status {Status}: {Message}", method, answer.Status, answer.StatusMessage);
            }
            return new ViberResult(answer.Status, (int)response.StatusCode, answer.StatusMessage, answer.FailedList ?? []) { MessageToken = answer.MessageToken };
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning("Viber {Method} unreachable: {Message}", method, ex.Message);
            return new ViberResult(null, 0, ex.Message, []);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Viber {Method} timed out: {Message}", method, ex.Message);
            return new ViberResult(null, 0, "timed out", []);
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300];
}
