using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hromada.Bot.Messenger;

/// <summary>
/// One messaging event of a webhook POST that the bot answers: a message from a person (text, quick reply or
/// attachments) or a postback (the Get Started button, a persistent-menu item). Echoes, deliveries and reads are not events here.
/// </summary>
internal sealed record MessengerEvent(string SenderId, long Timestamp)
{
    public string? Mid { get; init; }
    public string? Text { get; init; }
    public string? QuickReplyPayload { get; init; }
    public bool HasAttachments { get; init; }
    public string? PostbackPayload { get; init; }
    public bool IsPostback { get; init; }

    /// <summary>
    /// The id the event is deduplicated by: the message mid, or for a postback (whose mid older API versions omit)
    /// a stable id from sender, timestamp and payload. Kept within the 200 characters the inbox stores.
    /// </summary>
    public string ExternalId
    {
        get
        {
            var id = IsPostback || string.IsNullOrEmpty(Mid) ? MessengerMessageIds.Postback(SenderId, Timestamp, Hash(PostbackPayload ?? "")) : Mid;
            return id.Length <= 200 ? id : "h:" + Hash(id);
        }
    }

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..32];

    /// <summary>The events of a webhook body worth answering, in the order they came; null when the body is not a Page webhook.</summary>
    public static IReadOnlyList<(MessengerEvent Event, string Raw)>? ParseWebhook(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("object", out var obj) || obj.GetString() != "page")
        {
            return null;
        }

        var events = new List<(MessengerEvent, string)>();
        if (!root.TryGetProperty("entry", out var entries) || entries.ValueKind != JsonValueKind.Array)
        {
            return events;
        }
        foreach (var entry in entries.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("messaging", out var messaging) || messaging.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            foreach (var item in messaging.EnumerateArray())
            {
                if (Parse(item) is { } e)
                {
                    events.Add((e, item.GetRawText()));
                }
            }
        }
        return events;
    }

    /// <summary>Reads one stored messaging event; null for echoes, deliveries, reads and anything else the bot does not answer.</summary>
    public static MessengerEvent? Parse(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object || String(item, "sender", "id") is not { Length: > 0 } sender)
        {
            return null;
        }
        var timestamp = item.TryGetProperty("timestamp", out var ts) ? ReadLong(ts) : 0;

        if (item.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
        {
            if (message.TryGetProperty("is_echo", out var echo) && echo.ValueKind == JsonValueKind.True)
            {
                return null;
            }
            return new MessengerEvent(sender, timestamp)
            {
                Mid = String(message, "mid"),
                Text = String(message, "text"),
                QuickReplyPayload = String(message, "quick_reply", "payload"),
                HasAttachments = message.TryGetProperty("attachments", out var a) && a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0,
            };
        }

        if (item.TryGetProperty("postback", out var postback) && postback.ValueKind == JsonValueKind.Object)
        {
            return new MessengerEvent(sender, timestamp)
            {
                IsPostback = true,
                Mid = String(postback, "mid"),
                PostbackPayload = String(postback, "payload") ?? "",
            };
        }

        return null;
    }

    private static string? String(JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
            {
                return null;
            }
        }
        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.Number => e.GetRawText(),
            _ => null,
        };
    }

    private static long ReadLong(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(e.GetString(), out var n) => n,
        _ => 0,
    };
}
