using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation;

/// <summary>
/// The questionnaire, channel-agnostic. State lives on the resident's row, and the inbound message id is recorded in the
/// same save as the state change, so a restart loses nothing and a redelivered message is answered once.
/// </summary>
internal sealed class ConversationEngine(
    HromadaDbContext db,
    Questionnaire questionnaire,
    ConversationFlow flow,
    ConversationCommands commands,
    IOptions<ConversationOptions> options,
    IOptions<Community.CommunityOptions> community,
    TimeProvider time,
    ILogger<ConversationEngine> logger) : IConversationEngine
{
    public async Task<ConversationReply> HandleAsync(InboundMessage message, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        for (var attempt = 1; ; attempt++)
        {
            if (await db.ProcessedMessages.AnyAsync(p => p.Channel == message.Channel && p.MessageId == message.MessageId, ct))
            {
                logger.LogInformation("{Channel} message {MessageId} was handled before; not answering again", message.Channel, message.MessageId);
                return ConversationReply.Duplicate;
            }
            try
            {
                return await HandleOnceAsync(message, ct);
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
                if (attempt >= 3)
                {
                    throw;
                }
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                // Another instance changed this resident meanwhile: read the state again and redo the message.
                db.ChangeTracker.Clear();
            }
        }
    }

    public async Task<ConversationReply> ResumeAsync(Channel channel, string channelUserId, CancellationToken ct = default)
    {
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Channel == channel && r.ChannelUserId == channelUserId, ct);
        if (resident is null)
        {
            // The resident is stored with the step they were asked, so their first answer is taken as an answer.
            var greeting = new ConversationContext(NewResident(new InboundMessage(channel, channelUserId, "")), new InboundMessage(channel, channelUserId, ""));
            await commands.GreetAsync(greeting, ct);
            greeting.Resident.ConversationData = greeting.Draft.Save();
            await db.SaveChangesAsync(ct);
            return new ConversationReply(greeting.Replies);
        }
        var ctx = new ConversationContext(resident, new InboundMessage(channel, channelUserId, ""));
        var replies = await TakePendingNoticesAsync(resident, ct);
        await questionnaire.AskAsync(ctx, ct);
        replies.AddRange(ctx.Replies);
        await db.SaveChangesAsync(ct);
        return new ConversationReply(replies);
    }

    private async Task<ConversationReply> HandleOnceAsync(InboundMessage message, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var resident = await db.Residents.SingleOrDefaultAsync(r => r.Channel == message.Channel && r.ChannelUserId == message.ChannelUserId, ct);
        var isNew = resident is null;
        resident ??= NewResident(message);
        resident.LastInboundAt = now;
        db.ProcessedMessages.Add(new ProcessedMessage { Channel = message.Channel, MessageId = message.MessageId, ProcessedAt = now });

        if (IsOverRateLimit(resident, now, out var sendNotice))
        {
            var ignored = new ConversationContext(resident, message);
            if (sendNotice)
            {
                ignored.Say(ignored.T("Error_TooManyMessages"));
                logger.LogWarning("{Channel} resident {ResidentId} sends too many messages; ignoring for the rest of the minute", message.Channel, resident.Id);
            }
            await db.SaveChangesAsync(ct);
            return new ConversationReply(ignored.Replies);
        }

        var replies = isNew ? [] : await TakePendingNoticesAsync(resident, ct);
        var ctx = new ConversationContext(resident, message);
        await DispatchAsync(ctx, isNew, ct);
        resident.ConversationData = ctx.Draft.Save();
        await db.SaveChangesAsync(ct);
        replies.AddRange(ctx.Replies);
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

    private async Task<List<OutboundMessage>> TakePendingNoticesAsync(Resident resident, CancellationToken ct)
    {
        if (resident.Id == 0)
        {
            return [];
        }
        var pending = await db.OutboundNotices.Where(n => n.ResidentId == resident.Id && n.DeliveredAt == null).OrderBy(n => n.Id).ToListAsync(ct);
        foreach (var notice in pending)
        {
            notice.DeliveredAt = time.GetUtcNow();
            notice.HeldReason = null;
        }
        return pending.Select(n => new OutboundMessage(n.Text)).ToList();
    }

    private static bool IsUniqueViolation(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: 19 };
}
