using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Hromada.Bot.Tests.Viber;

/// <summary>Callback bodies in the shapes of the Viber REST Bot API's "Callbacks" section.</summary>
public static class ViberPayloads
{
    private static long _token = 4_912_661_846_655_238_145;

    public static long NextToken() => Interlocked.Increment(ref _token);

    public static JsonObject Sender(string id, string name = "Олена") =>
        new() { ["id"] = id, ["name"] = name, ["avatar"] = "https://avatar.example.com/1.jpg", ["language"] = "uk", ["country"] = "UA", ["api_version"] = 10 };

    public static JsonObject Message(string userId, JsonObject message, long timestamp, long? token = null, string name = "Олена") => new()
    {
        ["event"] = "message",
        ["timestamp"] = timestamp,
        ["chat_hostname"] = "SN-CHAT-05_",
        ["message_token"] = token ?? NextToken(),
        ["sender"] = Sender(userId, name),
        ["message"] = message,
        ["silent"] = false,
    };

    public static JsonObject Text(string userId, string text, long timestamp, long? token = null) =>
        Message(userId, new JsonObject { ["type"] = "text", ["text"] = text }, timestamp, token);

    /// <summary>The share-phone button's answer: a contact message with the person's own name and number.</summary>
    public static JsonObject Contact(string userId, string name, string phone, long timestamp) =>
        Message(userId, new JsonObject
        {
            ["type"] = "contact",
            ["contact"] = new JsonObject { ["name"] = name, ["phone_number"] = phone, ["avatar"] = "https://avatar.example.com/2.jpg" },
        }, timestamp, name: name);

    public static JsonObject Picture(string userId, long timestamp) =>
        Message(userId, new JsonObject { ["type"] = "picture", ["text"] = "", ["media"] = "https://dl-media.viber.com/1.jpg", ["thumbnail"] = "https://dl-media.viber.com/t.jpg" }, timestamp);

    public static JsonObject Sticker(string userId, long timestamp) =>
        Message(userId, new JsonObject { ["type"] = "sticker", ["sticker_id"] = 46105 }, timestamp);

    public static JsonObject ConversationStarted(string userId, long timestamp) => new()
    {
        ["event"] = "conversation_started",
        ["timestamp"] = timestamp,
        ["message_token"] = NextToken(),
        ["type"] = "open",
        ["context"] = "",
        ["user"] = Sender(userId),
        ["subscribed"] = false,
    };

    public static JsonObject Subscribed(string userId, long timestamp) => new()
    {
        ["event"] = "subscribed",
        ["timestamp"] = timestamp,
        ["chat_hostname"] = "SN-CHAT-05_",
        ["user"] = Sender(userId),
        ["message_token"] = NextToken(),
    };

    public static JsonObject Unsubscribed(string userId, long timestamp) => new()
    {
        ["event"] = "unsubscribed",
        ["timestamp"] = timestamp,
        ["chat_hostname"] = "SN-CHAT-05_",
        ["user_id"] = userId,
        ["message_token"] = NextToken(),
    };

    public static JsonObject Failed(string userId, long token, long timestamp) => new()
    {
        ["event"] = "failed",
        ["timestamp"] = timestamp,
        ["chat_hostname"] = "SN-CHAT-05_",
        ["message_token"] = token,
        ["user_id"] = userId,
        ["desc"] = "failure description",
    };

    public static JsonObject Delivered(string userId, long token, long timestamp) => new()
    {
        ["event"] = "delivered",
        ["timestamp"] = timestamp,
        ["chat_hostname"] = "SN-CHAT-05_",
        ["message_token"] = token,
        ["user_id"] = userId,
    };

    /// <summary>X-Viber-Content-Signature: the hex HMAC-SHA256 of the body keyed with the auth token.</summary>
    public static string Sign(string body, string token) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(body)));
}
