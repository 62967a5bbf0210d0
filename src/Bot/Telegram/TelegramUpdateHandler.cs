using System.Globalization;
using System.Text.Json;
using Hromada.Core.Conversation;
using Hromada.Core.Inbox;
using Hromada.Core.Residents;
using Hromada.Core.Resources;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Bot.Telegram;

/// <summary>
/// Translates one stored Telegram update into the engine's inbound message and the engine's reply back into Bot API
/// calls. One switch on the update's shape; nothing here knows the questionnaire.
/// </summary>
internal sealed class TelegramUpdateHandler(
    HromadaDbContext db, IConversationEngine engine, TelegramSender sender, TimeProvider time, ILogger<TelegramUpdateHandler> logger)
{
    public const int MaxAttempts = 5;

    private InboxItem? _item;

    /// <summary>Processes stored update <paramref name="inboxId"/>; false when it failed and should be retried later.</summary>
    public async Task<bool> ProcessAsync(long inboxId, CancellationToken ct)
    {
        var item = await db.InboxItems.SingleAsync(i => i.Id == inboxId, ct);
        if (item.ProcessedAt is not null)
        {
            return true;
        }
        try
        {
            var update = JsonSerializer.Deserialize<Update>(item.Payload, JsonBotAPI.Options)
                ?? throw new JsonException("The stored update is empty.");
            _item = item;
            await HandleAsync(update, ct);
            item.ProcessedAt = time.GetUtcNow();
            item.LastError = null;
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            item.Attempts++;
            item.LastError = ex.Message.Length > 1000 ? ex.Message[..1000] : ex.Message;
            if (item.Attempts >= MaxAttempts || ex is JsonException)
            {
                item.ProcessedAt = time.GetUtcNow();
                logger.LogError(ex, "Telegram update {UpdateId} given up after {Attempts} attempt(s)", item.ExternalId, item.Attempts);
            }
            else
            {
                logger.LogWarning(ex, "Telegram update {UpdateId} failed (attempt {Attempts}); it will be retried", item.ExternalId, item.Attempts);
            }
            var reply = item.Reply;
            db.ChangeTracker.Clear();
            item.Reply = reply;
            db.InboxItems.Update(item);
            await db.SaveChangesAsync(ct);
            return false;
        }
    }

    private Task HandleAsync(Update update, CancellationToken ct) => update switch
    {
        { Message: { Chat.Type: not ChatType.Private } m } => NotPrivateAsync(m.Chat, ct),
        { Message: { } m } => OnMessageAsync(update.Id, m, ct),
        { CallbackQuery: { } q } => OnCallbackAsync(update.Id, q, ct),
        { MyChatMember: { Chat.Type: ChatType.Private } member } => OnMembershipAsync(member, ct),
        { MyChatMember: { } member } when member.NewChatMember.Status is ChatMemberStatus.Member or ChatMemberStatus.Administrator
            => NotPrivateAsync(member.Chat, ct),
        // Edited messages, channel posts and anything else: the answer was already given to the original.
        _ => Task.CompletedTask,
    };

    private async Task OnMessageAsync(int updateId, Message m, CancellationToken ct)
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
        await ReplyAsync(m.Chat.Id, inbound, ct);
    }

    private async Task OnCallbackAsync(int updateId, CallbackQuery q, CancellationToken ct)
    {
        await sender.AnswerCallbackAsync(q.Id, ct);
        if (q.Message is not { } message || message.Chat.Type != ChatType.Private || string.IsNullOrEmpty(q.Data))
        {
            return;
        }
        await sender.RemoveKeyboardAsync(message.Chat.Id, message.MessageId, ct);
        var inbound = new InboundMessage(Channel.Telegram, ChatId(message.Chat.Id), Id(updateId)) { ChoiceValue = q.Data, LanguageCode = q.From.LanguageCode };
        await ReplyAsync(message.Chat.Id, inbound, ct);
    }

    private async Task ReplyAsync(long chatId, InboundMessage inbound, CancellationToken ct)
    {
        IReadOnlyList<OutboundMessage> messages;
        if (_item?.Reply is { } stored)
        {
            // A retry after a failed send: the engine already answered this update once.
            messages = JsonSerializer.Deserialize<List<OutboundMessage>>(stored, ReplyJson) ?? [];
        }
        else
        {
            var reply = await engine.HandleAsync(inbound, ct);
            if (reply.IsDuplicate || reply.Messages.Count == 0)
            {
                return;
            }
            messages = reply.Messages;
            if (_item is not null)
            {
                _item.Reply = JsonSerializer.Serialize(messages, ReplyJson);
                await db.SaveChangesAsync(ct);
            }
        }
        var culture = await CultureAsync(inbound.ChannelUserId, ct);
        await sender.SendAsync(chatId, messages, Texts.Get("Telegram_ShareContact", culture), ct);
    }

    private static readonly JsonSerializerOptions ReplyJson = new(JsonSerializerDefaults.Web);

    private async Task OnMembershipAsync(ChatMemberUpdated member, CancellationToken ct)
    {
        var blocked = member.NewChatMember.Status is ChatMemberStatus.Kicked or ChatMemberStatus.Left;
        await sender.MarkBlockedAsync(member.Chat.Id, blocked, ct);
    }

    /// <summary>In a group or a channel's discussion: say once that the bot works in private chat, and collect nothing.</summary>
    private async Task NotPrivateAsync(Chat chat, CancellationToken ct)
    {
        var marker = $"group-notice:{chat.Id.ToString(CultureInfo.InvariantCulture)}";
        if (await db.ProcessedMessages.AnyAsync(p => p.Channel == Channel.Telegram && p.MessageId == marker, ct))
        {
            return;
        }
        db.ProcessedMessages.Add(new ProcessedMessage { Channel = Channel.Telegram, MessageId = marker, ProcessedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        await sender.SendAsync(chat.Id, [new OutboundMessage(Texts.Get("Telegram_PrivateOnly", CultureInfo.GetCultureInfo("uk-UA")))], "", ct);
        logger.LogInformation("Telegram: told {ChatType} chat {ChatId} that the bot works only in private chat", chat.Type, chat.Id);
    }

    private async Task<CultureInfo> CultureAsync(string chatId, CancellationToken ct)
    {
        var language = await db.Residents.Where(r => r.Channel == Channel.Telegram && r.ChannelUserId == chatId).Select(r => r.Language).FirstOrDefaultAsync(ct);
        return CultureInfo.GetCultureInfo(language ?? "uk-UA");
    }

    private static string ChatId(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static string Id(int updateId) => "u" + updateId.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Stores raw updates before they are acknowledged to Telegram; the unique (channel, update_id) drops redeliveries.</summary>
internal sealed class TelegramInbox(HromadaDbContext db, TimeProvider time)
{
    /// <summary>True when stored now, false when this update_id was stored before.</summary>
    public async Task<bool> StoreAsync(int updateId, string payload, CancellationToken ct)
    {
        var id = updateId.ToString(CultureInfo.InvariantCulture);
        if (await db.InboxItems.AnyAsync(i => i.Channel == Channel.Telegram && i.ExternalId == id, ct))
        {
            return false;
        }
        db.InboxItems.Add(new InboxItem { Channel = Channel.Telegram, ExternalId = id, Payload = payload, ReceivedAt = time.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
