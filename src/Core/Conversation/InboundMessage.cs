using Hromada.Core.Proposals;

namespace Hromada.Core.Conversation;

/// <summary>
/// One message from a resident in any channel, normalised by the channel adapter.
/// Exactly one of <see cref="Text"/>, <see cref="ChoiceValue"/>, <see cref="Contact"/> or
/// <see cref="UnsupportedAttachment"/> carries the content.
/// </summary>
public sealed record InboundMessage(Channel Channel, string ChannelUserId, string MessageId)
{
    /// <summary>Text the resident typed (commands start with '/').</summary>
    public string? Text { get; init; }

    /// <summary>The <see cref="Choice.Value"/> of a button the resident pressed.</summary>
    public string? ChoiceValue { get; init; }

    /// <summary>A contact shared with the channel's own button.</summary>
    public SharedContact? Contact { get; init; }

    /// <summary>A photo, voice message, sticker, file or other content the questionnaire cannot take.</summary>
    public bool UnsupportedAttachment { get; init; }

    /// <summary>The resident's language as the channel reports it (IETF tag), if any.</summary>
    public string? LanguageCode { get; init; }

    /// <summary>The inbox item it came from: the engine marks it handled in the same commit as its reply.</summary>
    public long? InboxItemId { get; init; }

    /// <summary>Channel data given back to the channel's sender with the reply (see <see cref="Inbox.Inbound.ReplyContext"/>).</summary>
    public string? ReplyContext { get; init; }
}

/// <summary>A contact shared through the channel; <see cref="IsOwn"/> is false when it is someone else's card.</summary>
public sealed record SharedContact(string PhoneNumber, string? Name, bool IsOwn);
