using System.Globalization;
using System.Text.Json;

namespace Hromada.Bot.Viber;

/// <summary>What kind of callback Viber sent.</summary>
internal enum ViberEventKind
{
    /// <summary>Anything the bot does not act on: delivered, seen, client_status, the "webhook" check.</summary>
    Other,
    ConversationStarted,
    Message,
    Subscribed,
    Unsubscribed,
    Failed,
}

/// <summary>
/// One Viber callback (the whole POST body is one event): who it is about, its message token (the id a redelivered
/// callback is recognised by) and, for a message, what it carries.
/// </summary>
internal sealed record ViberEvent(ViberEventKind Kind, string Name)
{
    public string UserId { get; init; } = "";
    public string? UserName { get; init; }
    public string? Language { get; init; }
    public long MessageToken { get; init; }
    public long Timestamp { get; init; }

    /// <summary>The message's type: text, contact, picture, sticker, location, video, file, url.</summary>
    public string? MessageType { get; init; }
    public string? Text { get; init; }
    public string? ContactPhone { get; init; }
    public string? ContactName { get; init; }

    /// <summary>Why a message failed to arrive (the "failed" callback's desc).</summary>
    public string? Description { get; init; }

    /// <summary>The inbox's dedup id: the event and its message token (one token can come with several events).</summary>
    public string ExternalId
    {
        get
        {
            var id = $"{Name}:{MessageToken.ToString(CultureInfo.InvariantCulture)}:{UserId}";
            return id.Length <= 200 ? id : id[..200];
        }
    }

    /// <summary>Reads a callback body; null when it is not a Viber callback at all.</summary>
    public static ViberEvent? Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || String(root, "event") is not { Length: > 0 } name)
        {
            return null;
        }
        var kind = name switch
        {
            "conversation_started" => ViberEventKind.ConversationStarted,
            "message" => ViberEventKind.Message,
            "subscribed" => ViberEventKind.Subscribed,
            "unsubscribed" => ViberEventKind.Unsubscribed,
            "failed" => ViberEventKind.Failed,
            _ => ViberEventKind.Other,
        };
        // message: "sender"; subscribed and conversation_started: "user"; unsubscribed, failed, delivered, seen: "user_id".
        var person = root.TryGetProperty("sender", out var s) && s.ValueKind == JsonValueKind.Object ? s
            : root.TryGetProperty("user", out var u) && u.ValueKind == JsonValueKind.Object ? u
            : default;
        var e = new ViberEvent(kind, name)
        {
            UserId = (person.ValueKind == JsonValueKind.Object ? String(person, "id") : String(root, "user_id")) ?? "",
            UserName = person.ValueKind == JsonValueKind.Object ? String(person, "name") : null,
            Language = person.ValueKind == JsonValueKind.Object ? String(person, "language") : null,
            MessageToken = Long(root, "message_token"),
            Timestamp = Long(root, "timestamp"),
            Description = String(root, "desc"),
        };
        if (kind == ViberEventKind.Message && root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.Object)
        {
            e = e with
            {
                MessageType = String(m, "type"),
                Text = String(m, "text"),
                ContactPhone = m.TryGetProperty("contact", out var c) && c.ValueKind == JsonValueKind.Object ? String(c, "phone_number") : null,
                ContactName = m.TryGetProperty("contact", out var c2) && c2.ValueKind == JsonValueKind.Object ? String(c2, "name") : null,
            };
        }
        return e;
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Number => v.GetRawText(),
            _ => null,
        } : null;

    private static long Long(JsonElement e, string name) =>
        !e.TryGetProperty(name, out var v) ? 0 : v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
            _ => 0,
        };
}
