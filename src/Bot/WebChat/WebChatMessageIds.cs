using Hromada.Core.Proposals;
using Hromada.Core.Residents;

namespace Hromada.Bot.WebChat;

/// <summary>A web chat message's id: its session, then the id the browser gave the message.</summary>
internal sealed class WebChatMessageIds : ISenderMessageIds
{
    public Channel Channel => Channel.WebChat;

    public static string Of(string session, string clientMessageId) => session + ":" + clientMessageId;

    public string SenderPrefix(string sender) => sender + ":";
}
