using Hromada.Core.Conversation;
using Hromada.Core.Proposals;

namespace Hromada.Core.Inbox;

/// <summary>
/// The inbound half of a channel adapter: turns a stored payload (a Telegram update, a Messenger event, a web chat
/// post) into the channel-neutral form the pipeline handles. Implemented by each channel in the host.
/// </summary>
public interface IChannelAdapter
{
    Channel Channel { get; }

    /// <summary>Parses a payload; throws <see cref="InboundFormatException"/> when it cannot be understood.</summary>
    Inbound Parse(string payload, string externalId);
}

/// <summary>What a payload means: a message for the engine, an event about the resident, or nothing to do.</summary>
public sealed record Inbound(string SenderKey)
{
    /// <summary>A message for the conversation engine.</summary>
    public InboundMessage? Message { get; init; }

    /// <summary>
    /// Opaque to Core, given back to the channel's sender with the reply (e.g. the Telegram callback to answer and the
    /// message whose buttons to remove). A reply is sent even when the engine has nothing to say, if this is set.
    /// </summary>
    public string? ReplyContext { get; init; }

    public ChannelEvent? Event { get; init; }

    public static Inbound Nothing(string senderKey) => new(senderKey);
}

/// <summary>Something a channel reports about a resident rather than a message from them.</summary>
public enum ChannelEvent
{
    /// <summary>The resident blocked the bot or deleted the chat: mark them, stop pushing, unsubscribe.</summary>
    Blocked,

    /// <summary>The resident unblocked the bot.</summary>
    Unblocked,

    /// <summary>The bot was added to a group: say once there that it works in private chats.</summary>
    GroupChat,
}

/// <summary>A stored payload that no longer parses; the item is set aside with this message.</summary>
public sealed class InboundFormatException(string message, Exception? inner = null) : Exception(message, inner);
