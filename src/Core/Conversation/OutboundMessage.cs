using System.Text.Json.Serialization;

namespace Hromada.Core.Conversation;

/// <summary>
/// One message to a resident: plain text (the channel escapes it for its own markup) and the choices offered.
/// </summary>
public sealed record OutboundMessage(string Text)
{
    /// <summary>Buttons offered with the message; the channel renders them as it allows.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>Offer the channel's own "share my contact" button where it has one.</summary>
    public bool RequestContact { get; init; }

    /// <summary>A link offered as a button where the channel has link buttons (Telegram); the text carries the address too.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LinkButton? Link { get; init; }

    /// <summary>
    /// The same question as the message before, only its choices changed (a social group ticked): a channel that can
    /// shows the new choices on the message already there instead of repeating the question in a new one.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Updates { get; init; }

    /// <summary>The subject line of an e-mail (the first part's is used); chats ignore it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Subject { get; init; }

    /// <summary>
    /// A picture at this public address (an announcement's card) that goes with the text where the channel posts
    /// pictures: the text becomes its caption. A channel that cannot show it sends the text alone.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ImageUrl { get; init; }
}

/// <summary>A button that opens <see cref="Url"/> (an absolute http(s) address) rather than answering the bot.</summary>
public sealed record LinkButton(string Label, string Url);

/// <summary>
/// A button: the label the resident reads and a value the engine gets back.
/// Values are ASCII and at most 64 bytes (Telegram's callback_data limit).
/// </summary>
public sealed record Choice(string Label, string Value)
{
    /// <summary>What a channel with narrow buttons shows instead of a long <see cref="Label"/> (Messenger: 20 characters).</summary>
    public string? ShortLabel { get; init; }
}
