using System.Text.Json;
using Hromada.Core.Conversation;
using Hromada.Core.Inbox;
using Hromada.Core.Proposals;

namespace Hromada.Bot.Messenger;

/// <summary>
/// Reads a stored Messenger messaging event into the pipeline's form. A "next"/"back" tap on a long list is not a
/// message for the engine: it travels as the reply context, and the sender shows the asked page.
/// </summary>
internal sealed class MessengerAdapter : IChannelAdapter
{
    public Channel Channel => Channel.Messenger;

    public Inbound Parse(string payload, string externalId)
    {
        MessengerEvent? e;
        try
        {
            using var doc = JsonDocument.Parse(payload);
            e = MessengerEvent.Parse(doc.RootElement);
        }
        catch (JsonException ex)
        {
            throw new InboundFormatException($"not a Messenger event ({ex.Message})", ex);
        }
        if (e is null)
        {
            throw new InboundFormatException("not a messaging event the bot answers");
        }
        return Parse(e, externalId);
    }

    public static Inbound Parse(MessengerEvent e, string externalId)
    {
        if (e.QuickReplyPayload is { } payload && payload.StartsWith(MessengerLayout.PagePrefix, StringComparison.Ordinal))
        {
            return new Inbound(e.SenderId) { ReplyContext = payload };
        }
        return ToInbound(e, externalId) is { } message ? new Inbound(e.SenderId) { Message = message } : Inbound.Nothing(e.SenderId);
    }

    /// <summary>The engine's view of a Messenger event; null when it carries nothing the engine takes.</summary>
    internal static InboundMessage? ToInbound(MessengerEvent e, string messageId)
    {
        var inbound = new InboundMessage(Channel.Messenger, e.SenderId, messageId);
        if (e.IsPostback)
        {
            var payload = e.PostbackPayload ?? "";
            return payload == MessengerLayout.GetStartedPayload
                ? inbound with { Text = ChatCommands.Start }
                : inbound with { ChoiceValue = StripChoicePrefix(payload) };
        }
        if (e.QuickReplyPayload is { Length: > 0 } quick)
        {
            if (quick.StartsWith(MessengerLayout.ChoicePrefix, StringComparison.Ordinal))
            {
                return inbound with { ChoiceValue = StripChoicePrefix(quick) };
            }
            // The "user_phone_number" quick reply posts the person's own number as its payload.
            if (LooksLikePhone(quick))
            {
                return inbound with { Contact = new SharedContact(quick, null, IsOwn: true) };
            }
            return inbound with { Text = e.Text ?? quick };
        }
        if (!string.IsNullOrWhiteSpace(e.Text))
        {
            return inbound with { Text = e.Text };
        }
        return e.HasAttachments ? inbound with { UnsupportedAttachment = true } : null;
    }

    private static string StripChoicePrefix(string payload) =>
        payload.StartsWith(MessengerLayout.ChoicePrefix, StringComparison.Ordinal) ? payload[MessengerLayout.ChoicePrefix.Length..] : payload;

    private static bool LooksLikePhone(string value) =>
        value.Count(char.IsAsciiDigit) >= 7 && value.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')');
}
