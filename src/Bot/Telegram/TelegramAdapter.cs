using System.Globalization;
using System.Text.Json;
using Hromada.Core.Conversation;
using Hromada.Core.Inbox;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Bot.Telegram;

/// <summary>
/// Reads a Telegram update into the pipeline's channel-neutral form: one switch on the update's shape. A pressed
/// button carries a reply context — the callback to answer and the message whose buttons to remove — which the
/// sender acts on with the reply.
/// </summary>
internal sealed class TelegramAdapter : IChannelAdapter
{
    public Channel Channel => Channel.Telegram;

    public Inbound Parse(string payload, string externalId)
    {
        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(payload, JsonBotAPI.Options);
        }
        catch (JsonException ex)
        {
            throw new InboundFormatException($"not a Telegram update ({ex.Message})", ex);
        }
        if (update is null || update.Id <= 0)
        {
            throw new InboundFormatException("not a Telegram update (no update_id)");
        }
        return Parse(update);
    }

    public static Inbound Parse(Update update) => update switch
    {
        { Message: { Chat.Type: not ChatType.Private } m } => new Inbound(ChatId(m.Chat.Id)) { Event = ChannelEvent.GroupChat },
        { Message: { } m } => OnMessage(update.Id, m),
        { CallbackQuery: { } q } => OnCallback(update.Id, q),
        { MyChatMember: { Chat.Type: ChatType.Private } member } => new Inbound(ChatId(member.Chat.Id))
        {
            Event = member.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left ? ChannelEvent.Blocked : ChannelEvent.Unblocked,
        },
        { MyChatMember: { } member } when member.NewChatMember.Status is ChatMemberStatus.Member or ChatMemberStatus.Administrator
            => new Inbound(ChatId(member.Chat.Id)) { Event = ChannelEvent.GroupChat },
        // Edited messages, channel posts and anything else: the answer was already given to the original.
        _ => Inbound.Nothing(SenderOf(update)),
    };

    private static Inbound OnMessage(int updateId, Message m)
    {
        var inbound = new InboundMessage(Channel.Telegram, ChatId(m.Chat.Id), Id(updateId)) { LanguageCode = m.From?.LanguageCode };
        inbound = m switch
        {
            { Contact: { } c } => inbound with
            {
                Contact = new SharedContact(c.PhoneNumber, $"{c.FirstName} {c.LastName}".Trim(), IsOwn: c.UserId is { } uid && uid == m.From?.Id),
            },
            { Text: { } text } => inbound with { Text = text },
            _ => inbound with { UnsupportedAttachment = true },
        };
        return new Inbound(inbound.ChannelUserId) { Message = inbound };
    }

    private static Inbound OnCallback(int updateId, CallbackQuery q)
    {
        if (q.Message is not { Chat.Type: ChatType.Private } message || string.IsNullOrEmpty(q.Data))
        {
            // Only the spinner on the button to stop.
            return new Inbound(q.Message is { } m ? ChatId(m.Chat.Id) : ChatId(q.From.Id)) { ReplyContext = ReplyContext.Write(q.Id, null) };
        }
        var chat = ChatId(message.Chat.Id);
        return new Inbound(chat)
        {
            Message = new InboundMessage(Channel.Telegram, chat, Id(updateId)) { ChoiceValue = q.Data, LanguageCode = q.From.LanguageCode },
            ReplyContext = ReplyContext.Write(q.Id, message.MessageId),
        };
    }

    private static string SenderOf(Update update) =>
        ChatId(update.EditedMessage?.Chat.Id ?? update.ChannelPost?.Chat.Id ?? update.Message?.Chat.Id ?? 0);

    private static string ChatId(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Id(int updateId) => "u" + updateId.ToString(CultureInfo.InvariantCulture);

    /// <summary>The reply context of a pressed button: <c>cb:{callback id}</c> and <c>kb:{message id}</c>.</summary>
    internal static class ReplyContext
    {
        public static string Write(string callbackId, int? messageId) =>
            messageId is { } id ? $"cb:{callbackId};kb:{id.ToString(CultureInfo.InvariantCulture)}" : $"cb:{callbackId}";

        /// <summary>The context without the callback to answer (it was answered in the webhook's response); null when nothing is left.</summary>
        public static string? WithoutCallback(string? context)
        {
            var (_, messageId) = Read(context);
            return messageId is { } id ? $"kb:{id.ToString(CultureInfo.InvariantCulture)}" : null;
        }

        public static (string? CallbackId, int? MessageId) Read(string? context)
        {
            string? callback = null;
            int? message = null;
            foreach (var part in (context ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.StartsWith("cb:", StringComparison.Ordinal))
                {
                    callback = part[3..];
                }
                else if (part.StartsWith("kb:", StringComparison.Ordinal) && int.TryParse(part.AsSpan(3), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
                {
                    message = id;
                }
            }
            return (callback, message);
        }
    }
}
