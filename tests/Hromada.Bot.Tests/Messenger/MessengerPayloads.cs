using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Hromada.Bot.Tests.Messenger;

/// <summary>Webhook bodies in the shapes of Meta's Messenger Platform reference (messages, messaging_postbacks, echoes, deliveries, reads).</summary>
public static class MessengerPayloads
{
    public const string PageId = "1122334455";

    public static JsonObject Text(string psid, string mid, string text, long timestamp) =>
        Event(psid, timestamp, "message", new JsonObject { ["mid"] = mid, ["text"] = text });

    /// <summary>A tapped quick reply: Messenger posts its title as text and its payload in quick_reply.</summary>
    public static JsonObject QuickReply(string psid, string mid, string title, string payload, long timestamp) =>
        Event(psid, timestamp, "message", new JsonObject
        {
            ["mid"] = mid,
            ["text"] = title,
            ["quick_reply"] = new JsonObject { ["payload"] = payload },
        });

    public static JsonObject Postback(string psid, string title, string payload, long timestamp) =>
        Event(psid, timestamp, "postback", new JsonObject
        {
            ["mid"] = "m_pb" + Guid.NewGuid().ToString("N"),
            ["title"] = title,
            ["payload"] = payload,
        });

    public static JsonObject GetStarted(string psid, long timestamp) => Postback(psid, "Почати", "GET_STARTED", timestamp);

    public static JsonObject Image(string psid, string mid, long timestamp) =>
        Event(psid, timestamp, "message", new JsonObject
        {
            ["mid"] = mid,
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["type"] = "image",
                ["payload"] = new JsonObject { ["url"] = "https://scontent.xx.fbcdn.net/photo.jpg" },
            }),
        });

    public static JsonObject Echo(string psid, string mid, long timestamp) => new()
    {
        ["sender"] = new JsonObject { ["id"] = PageId },
        ["recipient"] = new JsonObject { ["id"] = psid },
        ["timestamp"] = timestamp,
        ["message"] = new JsonObject { ["is_echo"] = true, ["app_id"] = 1517776481860111, ["mid"] = mid, ["text"] = "echo" },
    };

    public static JsonObject Delivery(string psid, string mid, long timestamp) =>
        Event(psid, timestamp, "delivery", new JsonObject { ["mids"] = new JsonArray(mid), ["watermark"] = timestamp });

    public static JsonObject Read(string psid, long timestamp) =>
        Event(psid, timestamp, "read", new JsonObject { ["watermark"] = timestamp });

    /// <summary>One webhook body with one entry per group of messaging events, as Meta batches them.</summary>
    public static string Webhook(params JsonObject[][] entries)
    {
        var array = new JsonArray();
        foreach (var events in entries)
        {
            var messaging = new JsonArray();
            foreach (var e in events)
            {
                messaging.Add(e.DeepClone());
            }
            array.Add(new JsonObject { ["id"] = PageId, ["time"] = 1_700_000_000_000, ["messaging"] = messaging });
        }
        return new JsonObject { ["object"] = "page", ["entry"] = array }.ToJsonString();
    }

    public static string Sign(string body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static JsonObject Event(string psid, long timestamp, string kind, JsonObject content) => new()
    {
        ["sender"] = new JsonObject { ["id"] = psid },
        ["recipient"] = new JsonObject { ["id"] = PageId },
        ["timestamp"] = timestamp,
        [kind] = content,
    };
}
