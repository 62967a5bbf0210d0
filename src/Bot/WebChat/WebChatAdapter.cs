using System.Text.Json;
using Hromada.Core.Conversation;
using Hromada.Core.Inbox;
using Hromada.Core.Proposals;

namespace Hromada.Bot.WebChat;

/// <summary>A message posted by the web chat widget, as stored in the inbox.</summary>
internal sealed record WebChatPost(string Token, string? Text, string? Choice);

/// <summary>Reads a stored web chat post into the pipeline's form; the session token is the sender.</summary>
internal sealed class WebChatAdapter : IChannelAdapter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Channel Channel => Channel.WebChat;

    public static string Write(WebChatPost post) => JsonSerializer.Serialize(post, Json);

    public Inbound Parse(string payload, string externalId)
    {
        WebChatPost? post;
        try
        {
            post = JsonSerializer.Deserialize<WebChatPost>(payload, Json);
        }
        catch (JsonException ex)
        {
            throw new InboundFormatException($"not a web chat post ({ex.Message})", ex);
        }
        if (post is null || string.IsNullOrEmpty(post.Token))
        {
            throw new InboundFormatException("not a web chat post (no session)");
        }
        return Parse(post, externalId);
    }

    public static Inbound Parse(WebChatPost post, string externalId) => new(post.Token)
    {
        Message = new InboundMessage(Channel.WebChat, post.Token, externalId)
        {
            Text = string.IsNullOrWhiteSpace(post.Text) ? null : post.Text,
            ChoiceValue = string.IsNullOrWhiteSpace(post.Choice) ? null : post.Choice,
            LanguageCode = "uk",
        },
    };
}
