using System.Text.Json;
using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Bot.Messenger;

/// <summary>
/// Handles one stored webhook event: translates it to the engine's inbound message, asks the engine, and sends the
/// reply. "next"/"back" taps on a long list are answered here without the engine.
/// </summary>
internal sealed class MessengerUpdateHandler(
    HromadaDbContext db,
    IServiceProvider services,
    MessengerSender sender,
    MessengerRenderer renderer,
    MessengerResidents residents,
    TimeProvider time,
    ILogger<MessengerUpdateHandler> logger)
{
    public const int MaxAttempts = 5;

    /// <summary>Processes inbox item <paramref name="itemId"/>; false when it failed and the resident's later events must wait.</summary>
    public async Task<bool> ProcessAsync(long itemId, CancellationToken ct)
    {
        var item = await db.InboxItems.FirstOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null || item.ProcessedAt is not null)
        {
            return true;
        }

        item.Attempts++;
        try
        {
            using var doc = JsonDocument.Parse(item.Payload);
            if (MessengerEvent.Parse(doc.RootElement) is { } e)
            {
                item.LastError = await HandleAsync(e, item, ct);
            }
            item.ProcessedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogError(ex, "Messenger event {ExternalId} failed (attempt {Attempt} of {Max})", item.ExternalId, item.Attempts, MaxAttempts);
            item.LastError = ex.Message.Length <= 1000 ? ex.Message : ex.Message[..1000];
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
    }

    /// <summary>Answers one event; returns the send error, if any (the engine's state has moved on either way).</summary>
    private async Task<string?> HandleAsync(MessengerEvent e, Hromada.Core.Inbox.InboxItem item, CancellationToken ct)
    {
        var externalId = item.ExternalId;
        var receivedAt = item.ReceivedAt;
        var culture = await residents.CultureAsync(e.SenderId, ct);
        if (e.QuickReplyPayload is { } payload && payload.StartsWith(MessengerLayout.PagePrefix, StringComparison.Ordinal))
        {
            await residents.RecordInboundAsync(e.SenderId, receivedAt, ct);
            if (await renderer.RenderPageAsync(payload, culture, ct) is { } page)
            {
                logger.LogInformation("Messenger resident {Psid} turned to {Page}", e.SenderId, payload);
                return (await sender.SendOneAsync(e.SenderId, page, GraphApiClient.MessagingTypeResponse, ct)).Error;
            }
            var resumed = await Engine.ResumeAsync(Channel.Messenger, e.SenderId, ct);
            return (await sender.SendAsync(e.SenderId, resumed.Messages, GraphApiClient.MessagingTypeResponse, culture, ct)).Error;
        }

        if (ToInbound(e, externalId) is not { } inbound)
        {
            logger.LogInformation("Messenger event {ExternalId} carries nothing to answer", externalId);
            return null;
        }

        IReadOnlyList<OutboundMessage> messages;
        if (item.Reply is { } stored)
        {
            // A retry after a failed send: the engine already answered this event once and would call it a duplicate.
            messages = JsonSerializer.Deserialize<List<OutboundMessage>>(stored, ReplyJson) ?? [];
        }
        else
        {
            var reply = await Engine.HandleAsync(inbound, ct);
            await residents.RecordInboundAsync(e.SenderId, receivedAt, ct);
            if (reply.IsDuplicate || reply.Messages.Count == 0)
            {
                logger.LogInformation("Messenger event {ExternalId}: nothing to send{Duplicate}", externalId, reply.IsDuplicate ? " (already answered)" : "");
                return null;
            }
            messages = reply.Messages;
            item.Reply = JsonSerializer.Serialize(messages, ReplyJson);
            await db.SaveChangesAsync(ct);
        }

        culture = await residents.CultureAsync(e.SenderId, ct);
        var (outcome, error) = await sender.SendAsync(e.SenderId, messages, GraphApiClient.MessagingTypeResponse, culture, ct);
        logger.LogInformation("Messenger event {ExternalId} answered with {Count} message(s): {Outcome}", externalId, messages.Count, outcome);
        if (outcome == SendOutcome.Failed)
        {
            // Kept for a later pass (the next webhook or a restart), which sends the stored reply.
            throw new InvalidOperationException($"The reply was not delivered: {error}");
        }
        return error;
    }

    private static readonly JsonSerializerOptions ReplyJson = new(JsonSerializerDefaults.Web);

    private IConversationEngine Engine => services.GetRequiredService<IConversationEngine>();

    /// <summary>The engine's view of a Messenger event; null when it carries nothing the engine takes.</summary>
    internal static InboundMessage? ToInbound(MessengerEvent e, string messageId)
    {
        var inbound = new InboundMessage(Channel.Messenger, e.SenderId, messageId);
        if (e.IsPostback)
        {
            var payload = e.PostbackPayload ?? "";
            return payload == MessengerLayout.GetStartedPayload
                ? inbound with { Text = "/start" }
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
