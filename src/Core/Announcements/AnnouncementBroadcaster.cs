using Hromada.Core.Conversation;
using Hromada.Core.Email;
using Hromada.Core.Letters;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Reports;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Announcements;

/// <summary>What a broadcast run did.</summary>
public enum BroadcastOutcome
{
    /// <summary>Every recipient now has its outbox row.</summary>
    Completed,

    /// <summary>Its time has not come (it was moved later); fire again at <see cref="BroadcastResult.DueAt"/>.</summary>
    NotDue,

    /// <summary>Nothing to do: cancelled, already sent, or gone.</summary>
    NothingToDo,

    /// <summary>Someone else changed it meanwhile (an edit, another runner); the caller runs it again.</summary>
    Raced,
}

public sealed record BroadcastResult(BroadcastOutcome Outcome, DateTimeOffset? DueAt = null, int Enqueued = 0);

/// <summary>
/// Writes one outbox row per recipient of an announcement, target by target. Subscribers go in batches ordered by
/// resident id, each committed together with the target's cursor, so a run that dies resumes after the last committed
/// resident: nobody is skipped and nobody gets two rows. The channels' senders then deliver the rows.
/// </summary>
public sealed class AnnouncementBroadcaster(
    HromadaDbContext db, IOutbox outbox, AnnouncementChannels channels, NoticeValues notices, AnnouncementCards cards,
    IOptions<AnnouncementOptions> options, TimeProvider time, ILogger<AnnouncementBroadcaster> logger)
{
    /// <summary>Meta lets a Page push to a person only this long after their last message.</summary>
    public static readonly TimeSpan MessengerWindow = TimeSpan.FromHours(24);

    public const string OutsideWindowReason = "Outside Messenger's 24-hour window: given with the reply to the resident's next message.";
    public const string NextVisitReason = "Web chat: shown on the resident's next visit.";

    private static readonly TimeSpan Early = TimeSpan.FromSeconds(1);

    public async Task<BroadcastResult> RunAsync(long announcementId, CancellationToken ct = default)
    {
        var a = await db.Announcements.Include(x => x.Targets).SingleOrDefaultAsync(x => x.Id == announcementId, ct);
        if (a is null || a.Status is AnnouncementStatus.Cancelled or AnnouncementStatus.Sent)
        {
            return new BroadcastResult(BroadcastOutcome.NothingToDo);
        }
        try
        {
            if (a.Status == AnnouncementStatus.Scheduled)
            {
                if (a.SendAt > time.GetUtcNow() + Early)
                {
                    return new BroadcastResult(BroadcastOutcome.NotDue, a.SendAt);
                }
                await StartAsync(a, ct);
            }

            var enqueued = 0;
            foreach (var target in a.Targets.Where(t => t.EnqueuedAt is null).OrderBy(t => t.Target))
            {
                enqueued += await EnqueueAsync(a, target, ct);
            }
            a.Status = AnnouncementStatus.Sent;
            a.CompletedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Announcement {AnnouncementId}: every recipient has its delivery row ({Count} written in this run)", a.Id, enqueued);
            return new BroadcastResult(BroadcastOutcome.Completed, Enqueued: enqueued);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Announcement {AnnouncementId} changed while it was being sent; running it again", announcementId);
            return new BroadcastResult(BroadcastOutcome.Raced);
        }
    }

    private async Task StartAsync(Announcement a, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var text = await notices.RenderAsync(a, ct);
        a.SentText = text;
        a.Status = AnnouncementStatus.Sending;
        a.StartedAt = now;
        foreach (var t in a.Targets)
        {
            var skipped = channels.Unavailable(t.Target)
                ?? (t.Target == AnnouncementTarget.AuthorEmails && a.AuthorCategoryId is null
                    ? new SkipReason("No author category was chosen for the e-mail to authors.", "Не обрано категорію авторів для листа на e-mail.")
                    : null)
                ?? TooLong(t.Target, text)
                ?? (AnnouncementTargets.Unfit(t.Target, a.Title, text) is { } unfit ? new SkipReason(unfit.English, unfit.Ukrainian) : null);
            t.SkippedReason = skipped?.English;
            t.SkippedReasonUkrainian = skipped?.Ukrainian;
            if (t.SkippedReason is not null)
            {
                t.EnqueuedAt = now;
                // A person chose this target when it worked; an automatic notice lists every target whether it is on or not.
                logger.Log(a.Kind == AnnouncementKind.Manual ? LogLevel.Warning : LogLevel.Information,
                    "Announcement {AnnouncementId}: nothing sent to {Target}: {Reason}", a.Id, t.Target, t.SkippedReason);
            }
            else if (AnnouncementTargets.IsPublicPost(t.Target))
            {
                t.Recipient = channels.PublicRecipient(t.Target);
            }
        }
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Announcement {AnnouncementId} ({Kind}) is being sent to {Targets}", a.Id, a.Kind,
            string.Join(", ", a.Targets.Where(t => t.SkippedReason is null).Select(t => t.Target)));
    }

    private static SkipReason? TooLong(AnnouncementTarget target, string text)
    {
        var max = AnnouncementTargets.MaxLength(target);
        return text.Length <= max ? null : new SkipReason(
            $"The text is {text.Length} characters, over {target}'s limit of {max}.",
            $"Текст має {UkrainianCounts.Count(text.Length, "символ|символи|символів")}, а для каналу «{AnnouncementTargets.Label(target)}» щонайбільше {UkrainianCounts.Number(max)}.");
    }

    private async Task<int> EnqueueAsync(Announcement a, AnnouncementTargetProgress target, CancellationToken ct)
    {
        var messages = new[] { new OutboundMessage(a.SentText ?? a.Text) };
        if (target.Target == AnnouncementTarget.Feed)
        {
            target.EnqueuedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
            return 0;
        }
        if (target.Target == AnnouncementTarget.AuthorEmails)
        {
            return await EnqueueAuthorsAsync(a, target, messages[0].Text, ct);
        }
        if (AnnouncementTargets.IsPublicPost(target.Target))
        {
            var text = messages[0].Text;
            var post = new[] { messages[0] with { ImageUrl = cards.ForPost(a, target.Target, text) } };
            var row = outbox.Enqueue(new OutboxRequest(AnnouncementTargets.Channel(target.Target)!.Value, target.Recipient!,
                OutboxPurpose.Announcement, post) { AnnouncementId = a.Id, IsPublicPost = true });
            target.Enqueued = 1;
            target.EnqueuedAt = time.GetUtcNow();
            await CommitAsync([row], ct);
            return 1;
        }
        return await EnqueueSubscribersAsync(a, target, messages, ct);
    }

    private async Task<int> EnqueueSubscribersAsync(Announcement a, AnnouncementTargetProgress target, OutboundMessage[] messages, CancellationToken ct)
    {
        var channel = AnnouncementTargets.Channel(target.Target)!.Value;
        var settlement = a.SettlementId;
        var total = 0;
        while (true)
        {
            var cursor = target.Cursor;
            var batch = await db.Residents.AsNoTracking()
                .Where(r => r.Channel == channel && r.IsSubscribed && !r.IsBlocked && r.Id > cursor)
                .Where(r => settlement == null || r.ResidenceSettlementId == settlement)
                .OrderBy(r => r.Id).Take(options.Value.BatchSize)
                .Select(r => new { r.Id, r.ChannelUserId, r.LastInboundAt, r.Language })
                .ToListAsync(ct);
            var now = time.GetUtcNow();
            if (batch.Count == 0)
            {
                target.EnqueuedAt = now;
                await db.SaveChangesAsync(ct);
                return total;
            }
            var rows = batch.Select(r => outbox.Enqueue(new OutboxRequest(channel, r.ChannelUserId, OutboxPurpose.Announcement, messages)
            {
                AnnouncementId = a.Id,
                ResidentId = r.Id,
                Language = r.Language,
                Status = Held(channel, r.LastInboundAt, now) is null ? OutboxStatus.Pending : OutboxStatus.Held,
                HeldReason = Held(channel, r.LastInboundAt, now),
            })).ToList();
            target.Cursor = batch[^1].Id;
            target.Enqueued += rows.Count;
            await CommitAsync(rows, ct);
            total += rows.Count;
        }
    }

    /// <summary>
    /// One e-mail to each address of the category's authors (<see cref="AuthorAddresses"/>), in batches. An address that
    /// already has its row for this announcement is passed over, so a run that died half-way resumes without a second
    /// e-mail to anyone. The subject is the announcement's title (a letter always has one).
    /// </summary>
    private async Task<int> EnqueueAuthorsAsync(Announcement a, AnnouncementTargetProgress target, string text, CancellationToken ct)
    {
        var subject = string.IsNullOrWhiteSpace(a.Title) ? AnnouncementCard.Split(null, text).Headline : a.Title;
        subject = subject.Length > AnnouncementValidator.TitleMaxLength ? subject[..AnnouncementValidator.TitleMaxLength] : subject;
        var written = (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.AnnouncementId == a.Id && m.Channel == Channel.Email)
                .Select(m => m.Recipient).ToListAsync(ct))
            .Select(r => TextFolding.EmailKey(r)!).ToHashSet(StringComparer.Ordinal);
        var addresses = (await AuthorAddresses.ListAsync(db, a.AuthorCategoryId!.Value, ct))
            .Where(address => !written.Contains(TextFolding.EmailKey(address)!)).ToList();
        var total = 0;
        foreach (var batch in addresses.Chunk(options.Value.BatchSize))
        {
            var rows = batch.Select(address => EmailRequest.Create(address, subject, text, OutboxPurpose.Announcement))
                .OfType<OutboxRequest>()
                .Select(request => outbox.Enqueue(request with { AnnouncementId = a.Id }))
                .ToList();
            target.Enqueued += rows.Count;
            await CommitAsync(rows, ct);
            total += rows.Count;
        }
        target.EnqueuedAt = time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return total;
    }

    /// <summary>Why a subscriber's copy cannot be pushed now, or null when it can.</summary>
    private static string? Held(Channel channel, DateTimeOffset? lastInbound, DateTimeOffset now) => channel switch
    {
        Channel.Messenger when lastInbound is null || now - lastInbound.Value >= MessengerWindow => OutsideWindowReason,
        Channel.WebChat => NextVisitReason,
        _ => null,
    };

    /// <summary>Commits the rows with the cursor, wakes the senders, and lets go of the rows so a large broadcast stays small in memory.</summary>
    private async Task CommitAsync(IReadOnlyList<OutboxMessage> rows, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        outbox.Signal();
        foreach (var row in rows)
        {
            db.Entry(row).State = EntityState.Detached;
        }
    }
}
