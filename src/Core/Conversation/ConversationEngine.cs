using Hromada.Core.Conversation.Steps;
using Hromada.Core.Inbox;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation;

/// <summary>
/// One turn of the questionnaire in one scope: reads the resident's state, handles the message, and commits in one
/// save the new state, the processed mark, the reply (into the outbox) and the inbox item's "done" mark — all or
/// nothing. Retries after a conflict happen in a fresh scope (<see cref="ConversationService"/>).
/// </summary>
internal sealed class ConversationEngine(
    HromadaDbContext db,
    Questionnaire questionnaire,
    ConversationFlow flow,
    ConversationCommands commands,
    IOutbox outbox,
    UnitOfWork unitOfWork,
    ErasureCheckpoint checkpoint,
    IOptions<ConversationOptions> options,
    IOptions<Community.CommunityOptions> community,
    TimeProvider time,
    ILogger<ConversationEngine> logger)
{
    /// <summary>
    /// One attempt at a turn. A message from the inbox is handled once because its item's "done" mark is written only
    /// if it was still pending (a concurrency check), so a second handler's whole commit fails and its retry
    /// (<paramref name="retry"/>) finds it done; a message from elsewhere leaves a processed mark instead.
    /// </summary>
    public async Task<ConversationReply> HandleOnceAsync(InboundMessage message, bool retry, CancellationToken ct)
    {
        if ((retry || message.InboxItemId is null) && await WasHandledAsync(message, ct))
        {
            logger.LogInformation("{Channel} message {MessageId} was handled before; not answering again", message.Channel, message.MessageId);
            return ConversationReply.Duplicate;
        }
        unitOfWork.Defer = true;
        var now = time.GetUtcNow();
        var found = await FindResident(db, message.Channel, message.ChannelUserId);
        var resident = found?.Resident;
        var isNew = resident is null;
        resident ??= NewResident(message);
        resident.LastInboundAt = now;
        if (message.InboxItemId is null)
        {
            db.ProcessedMessages.Add(new ProcessedMessage { Channel = message.Channel, MessageId = message.MessageId, ProcessedAt = now });
        }

        List<OutboundMessage> replies;
        if (IsOverRateLimit(resident, now, out var sendNotice))
        {
            var ignored = new ConversationContext(resident, message);
            if (sendNotice)
            {
                ignored.Say(ignored.T("Error_TooManyMessages"));
                logger.LogWarning("{Channel} resident {ResidentId} sends too many messages; ignoring for the rest of the minute", message.Channel, resident.Id);
            }
            replies = ignored.Replies;
        }
        else
        {
            replies = found?.HasHeld == true ? await TakeHeldAsync(resident, ct) : [];
            var ctx = new ConversationContext(resident, message);
            if (isNew && message.ChoiceValue is not null)
            {
                // A button from a greeting that was shown without storing anything (a new web chat session): the
                // resident is where that greeting left them, and the button is their answer.
                var greeting = new ConversationContext(resident, message);
                await commands.GreetAsync(greeting, ct);
                ctx.Draft = greeting.Draft;
                isNew = false;
            }
            await DispatchAsync(ctx, isNew, ct);
            if (db.Entry(resident).State != EntityState.Deleted)
            {
                resident.ConversationData = ctx.Draft.Save();
            }
            replies.AddRange(ctx.Replies);
        }

        var erased = db.Entry(resident).State == EntityState.Deleted;
        if (replies.Count > 0 || message.ReplyContext is not null)
        {
            var row = outbox.Enqueue(new OutboxRequest(message.Channel, message.ChannelUserId, OutboxPurpose.Reply, replies)
            {
                InboxItemId = message.InboxItemId,
                ReplyContext = message.ReplyContext,
                EraseOnCompletion = erased,
            });
            if (!erased)
            {
                row.Resident = resident;
            }
        }
        if (message.InboxItemId is { } itemId)
        {
            InboxCompletion.MarkDone(db, itemId, now, erased);
        }
        await db.SaveChangesAsync(ct);
        await unitOfWork.CommitAsync(ct);
        if (erased)
        {
            // Before the reply goes: once the resident reads "deleted", no file holds what was deleted.
            await checkpoint.RunAsync("a resident's erasure", ct);
        }
        outbox.Signal();
        return new ConversationReply(replies);
    }

    public async Task<ConversationReply> ResumeAsync(Channel channel, string channelUserId, CancellationToken ct = default)
    {
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Channel == channel && r.ChannelUserId == channelUserId, ct);
        if (resident is null)
        {
            // Nothing is stored until the resident answers: the greeting is shown from a resident that is never saved.
            var stranger = new Resident { Channel = channel, ChannelUserId = channelUserId, Language = community.Value.DefaultCulture, ConversationStep = "" };
            var greeting = new ConversationContext(stranger, new InboundMessage(channel, channelUserId, ""));
            await commands.GreetAsync(greeting, ct);
            return new ConversationReply(greeting.Replies);
        }
        var ctx = new ConversationContext(resident, new InboundMessage(channel, channelUserId, ""));
        var replies = await TakeHeldAsync(resident, ct);
        await questionnaire.AskAsync(ctx, ct);
        replies.AddRange(ctx.Replies);
        await db.SaveChangesAsync(ct);
        return new ConversationReply(replies);
    }

    private Task DispatchAsync(ConversationContext ctx, bool isNew, CancellationToken ct) => flow.DispatchAsync(ctx, isNew, ct);

    private Resident NewResident(InboundMessage message)
    {
        var resident = new Resident
        {
            Channel = message.Channel,
            ChannelUserId = message.ChannelUserId,
            Language = LanguageOf(message.LanguageCode),
            CreatedAt = time.GetUtcNow(),
            ConversationStep = "",
        };
        db.Residents.Add(resident);
        return resident;
    }

    private string LanguageOf(string? code) =>
        code is { } c && c.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : community.Value.DefaultCulture;

    private bool IsOverRateLimit(Resident resident, DateTimeOffset now, out bool sendNotice)
    {
        sendNotice = false;
        if (resident.RateWindowStart is not { } start || now - start >= TimeSpan.FromMinutes(1) || now < start)
        {
            resident.RateWindowStart = now;
            resident.RateWindowCount = 0;
            resident.RateNoticeSent = false;
        }
        resident.RateWindowCount++;
        if (resident.RateWindowCount <= options.Value.MaxMessagesPerMinute)
        {
            return false;
        }
        sendNotice = !resident.RateNoticeSent;
        resident.RateNoticeSent = true;
        return true;
    }

    /// <summary>The resident and whether anything is held for them: asked on every message, so compiled once.</summary>
    private static readonly Func<HromadaDbContext, Channel, string, Task<ResidentRow?>> FindResident =
        EF.CompileAsyncQuery((HromadaDbContext db, Channel channel, string user) => db.Residents
            .Where(r => r.Channel == channel && r.ChannelUserId == user)
            .Select(r => new ResidentRow(r, db.OutboxMessages.Any(o => o.ResidentId == r.Id && o.Status == OutboxStatus.Held)))
            .SingleOrDefault());

    private sealed record ResidentRow(Resident Resident, bool HasHeld);

    private async Task<bool> WasHandledAsync(InboundMessage message, CancellationToken ct) =>
        message.InboxItemId is { } itemId
            ? await db.InboxItems.AnyAsync(i => i.Id == itemId && i.Status != InboxStatus.Pending, ct)
            : await db.ProcessedMessages.AnyAsync(p => p.Channel == message.Channel && p.MessageId == message.MessageId, ct);

    /// <summary>Messages held for the resident (outside a messaging window, or while blocked) go out with this reply.</summary>
    private async Task<List<OutboundMessage>> TakeHeldAsync(Resident resident, CancellationToken ct)
    {
        if (resident.Id == 0 || resident.Channel == Channel.WebChat)
        {
            // The web chat fetches what its session is owed by itself.
            return [];
        }
        var held = await db.OutboxMessages.Where(o => o.ResidentId == resident.Id && o.Status == OutboxStatus.Held).OrderBy(o => o.Id).ToListAsync(ct);
        var now = time.GetUtcNow();
        var messages = new List<OutboundMessage>();
        foreach (var row in held)
        {
            messages.AddRange(OutboxPayload.Read(row.Payload));
            row.Status = OutboxStatus.Sent;
            row.CompletedAt = now;
            row.LastError = "Handed over with the reply to the resident's next message.";
        }
        return messages;
    }
}
