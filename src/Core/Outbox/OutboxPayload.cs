using System.Text.Json;
using Hromada.Core.Conversation;

namespace Hromada.Core.Outbox;

/// <summary>The JSON form of an outbox message's parts.</summary>
public static class OutboxPayload
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<OutboundMessage> messages) => JsonSerializer.Serialize(messages, Json);

    public static IReadOnlyList<OutboundMessage> Read(string payload) =>
        JsonSerializer.Deserialize<List<OutboundMessage>>(payload, Json) ?? [];
}
