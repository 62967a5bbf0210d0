using System.Text.Json;
using Hromada.Core.Conversation;
using Hromada.Core.Inbox;
using Hromada.Core.Proposals;

namespace Hromada.Bot.Viber;

/// <summary>
/// Reads a stored Viber callback into the pipeline's form: a message for the engine, subscribed/unsubscribed as events
/// about the resident. A "next"/"back" tap on a long list travels as the reply context, and the sender shows that page.
/// </summary>
internal sealed class ViberAdapter(ILogger<ViberAdapter> logger) : IChannelAdapter
{
    public Channel Channel => Channel.Viber;

    public Inbound Parse(string payload, string externalId)
    {
        ViberEvent? e;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            e = ViberEvent.Parse(doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new InboundFormatException($"not a Viber callback ({ex.Message})", ex);
        }
        if (e is null || e.UserId.Length == 0)
        {
            throw new InboundFormatException("not a Viber callback about a user");
        }
        var inbound = Parse(e, externalId);
        if (e.Kind == ViberEventKind.Failed)
        {
            logger.LogWarning("Viber could not deliver message {Token} to {User}: {Reason}", e.MessageToken, e.UserId, e.Description);
        }
        return inbound;
    }

    public static Inbound Parse(ViberEvent e, string externalId) => e.Kind switch
    {
        ViberEventKind.Message when e.MessageType == "text" && e.Text?.StartsWith(ViberLayout.PagePrefix, StringComparison.Ordinal) == true =>
            new Inbound(e.UserId) { ReplyContext = e.Text },
        ViberEventKind.Message => new Inbound(e.UserId) { Message = ToInbound(e, externalId) },
        ViberEventKind.Subscribed => new Inbound(e.UserId) { Event = ChannelEvent.Unblocked },
        ViberEventKind.Unsubscribed => new Inbound(e.UserId) { Event = ChannelEvent.Blocked },
        _ => Inbound.Nothing(e.UserId),
    };

    /// <summary>The engine's view of a Viber message.</summary>
    internal static InboundMessage ToInbound(ViberEvent e, string messageId)
    {
        var inbound = new InboundMessage(Channel.Viber, e.UserId, messageId) { LanguageCode = e.Language };
        switch (e.MessageType)
        {
            case "text" when e.Text is { } text && text.StartsWith(ViberLayout.ChoicePrefix, StringComparison.Ordinal):
                return inbound with { ChoiceValue = text[ViberLayout.ChoicePrefix.Length..] };
            case "text" when !string.IsNullOrWhiteSpace(e.Text):
                return inbound with { Text = e.Text };
            case "contact" when !string.IsNullOrWhiteSpace(e.ContactPhone):
                // The share-phone button sends the person's own card, under their Viber name; another card is someone else's.
                var own = string.IsNullOrWhiteSpace(e.ContactName) || string.Equals(e.ContactName.Trim(), e.UserName?.Trim(), StringComparison.Ordinal);
                return inbound with { Contact = new SharedContact(e.ContactPhone, e.ContactName, own) };
            default:
                // A picture, sticker, location, video, file or link: answered with what the question expects.
                return inbound with { UnsupportedAttachment = true };
        }
    }
}
