using Hromada.Core.Proposals;
using Hromada.Core.Residents;

namespace Hromada.Bot.Messenger;

/// <summary>
/// Messenger's message ids: a message's own mid names no one, but a postback's (whose mid older API versions omit) is
/// made here from its sender, time and payload, so it carries the sender's PSID.
/// </summary>
internal sealed class MessengerMessageIds : ISenderMessageIds
{
    public Channel Channel => Channel.Messenger;

    public static string Postback(string sender, long timestamp, string payloadHash) => $"pb:{sender}:{timestamp}:{payloadHash}";

    public string SenderPrefix(string sender) => "pb:" + sender + ":";
}
