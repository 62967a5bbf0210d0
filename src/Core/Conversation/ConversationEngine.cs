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
    QuestionnaireQuestions questions,
    QuestionnaireAnswers answers,
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
        await questions.AskAsync(ctx, ct);
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

    private async Task DispatchAsync(ConversationContext ctx, bool isNew, CancellationToken ct)
    {
        var m = ctx.Message;
        if (m.Text is { } text && text.TrimStart().StartsWith('/'))
        {
            await commands.RunAsync(ctx, text.Trim(), ct);
            return;
        }
        if (m.ChoiceValue is { } menu && menu.StartsWith("m:", StringComparison.Ordinal))
        {
            await commands.RunAsync(ctx, "/" + menu[2..] switch { "sub" => "subscribe", var other => other }, ct);
            return;
        }
        if (isNew || ctx.Step == Steps.Idle && m.ChoiceValue is null && !m.UnsupportedAttachment && m.Contact is null)
        {
            await commands.GreetAsync(ctx, ct);
            return;
        }
        if (ctx.Step == Steps.ForgetConfirm)
        {
            await commands.ConfirmForgetAsync(ctx, ct);
            return;
        }
        if (ctx.Step == Steps.Summary && m.ChoiceValue == "sum:send")
        {
            await commands.SubmitAsync(ctx, ct);
            return;
        }
        if (m.UnsupportedAttachment)
        {
            ctx.Say(ctx.T(Steps.TakesText(ctx.Step) ? "Error_AttachmentText" : "Error_Attachment"));
            await questions.AskAsync(ctx, ct);
            return;
        }
        if (m.Text is { Length: > 0 } typed && !Steps.TakesText(ctx.Step) && await MatchChoiceAsync(ctx, typed, ct) is { } matched)
        {
            ctx.Message = m with { Text = null, ChoiceValue = matched };
        }
        if (!await answers.AnswerAsync(ctx, ct))
        {
            if (m.ChoiceValue is not null)
            {
                ctx.Say(ctx.T("Error_StaleChoice"));
            }
            else if (ctx.Replies.Count == 0)
            {
                ctx.Say(ctx.T(m.Contact is not null ? "Error_ContactNotExpected" : "Error_ChooseOption"));
            }
            await questions.AskAsync(ctx, ct);
        }
    }

    /// <summary>A typed word at a step with buttons counts when it is one of the buttons' labels.</summary>
    private async Task<string?> MatchChoiceAsync(ConversationContext ctx, string typed, CancellationToken ct)
    {
        var scratch = new ConversationContext(ctx.Resident, ctx.Message) { Draft = ctx.Draft };
        await questions.AskAsync(scratch, ct);
        var wanted = SettlementMatcher.Normalise(typed);
        return scratch.Replies.SelectMany(r => r.Choices)
            .FirstOrDefault(c => SettlementMatcher.Normalise(c.Label.Replace("✓ ", "", StringComparison.Ordinal)) == wanted)?.Value;
    }

    private Resident NewResident(InboundMessage message)
    {
        var resident = new Resident
        {
            Channel = message.Channel,
            ChannelUserId = message.ChannelUserId,
            Language = LanguageOf(message.LanguageCode),
            CreatedAt = time.GetUtcNow(),
            ConversationStep = Steps.Idle,
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
