using System.Globalization;
using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Hromada.Core.Consultations;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Reports;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Participation;

/// <summary>Counts the participation figures (see <see cref="ParticipationReport"/>) in SQL, per period and per month.</summary>
public sealed class ParticipationService(
    HromadaDbContext db, CommunityClock clock, ParticipationRollup rollup, IOptions<ParticipationOptions> options)
{
    /// <summary>Paper letters, the reception and the ЦНАП are not electronic; every chat, the web chat, e-mail and forms are.</summary>
    public static bool IsElectronic(Channel channel) => channel is not (Channel.Paper or Channel.Reception or Channel.Cnap);

    public static string TargetLabel(AnnouncementTarget target) => target switch
    {
        AnnouncementTarget.TelegramChannel => "Telegram-канал",
        AnnouncementTarget.TelegramSubscribers => "Підписники в Telegram",
        AnnouncementTarget.MessengerSubscribers => "Підписники в Messenger",
        AnnouncementTarget.WebChatSubscribers => "Підписники вебчату",
        AnnouncementTarget.FacebookPage => "Сторінка у Facebook",
        AnnouncementTarget.Feed => "Стрічка новин (Atom)",
        AnnouncementTarget.AuthorEmails => "Листи авторам (e-mail)",
        _ => target.ToString(),
    };

    public async Task<ParticipationReport> BuildAsync(Consultation consultation, CancellationToken ct = default)
    {
        await rollup.RunOnceAsync(ct);
        var from = Local(consultation.OpensAt);
        var to = consultation.ClosedAt is { } closed ? Local(closed) : clock.Today;
        var proposals = db.Proposals.AsNoTracking().Where(p => p.ConsultationId == consultation.Id);
        var first = from;
        var last = to < from ? from : to;
        if (await proposals.AnyAsync(ct))
        {
            first = Min(first, Local(await proposals.OrderBy(p => p.ReceivedAt).Select(p => p.ReceivedAt).FirstAsync(ct)));
            last = Max(last, Local(await proposals.OrderByDescending(p => p.ReceivedAt).Select(p => p.ReceivedAt).FirstAsync(ct)));
        }

        var total = await FiguresAsync(proposals, first, last, ct);
        var months = new List<ParticipationMonth>();
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var mFrom = Max(month, first);
            var mTo = Min(month.AddMonths(1).AddDays(-1), last);
            months.Add(new ParticipationMonth(month.ToString("yyyy-MM", CultureInfo.InvariantCulture), mFrom, mTo,
                await FiguresAsync(proposals, mFrom, mTo, ct)));
        }

        var subscribers = await db.Residents.AsNoTracking().CountAsync(r => r.IsSubscribed && !r.IsBlocked, ct);
        var o = options.Value;
        var share = total.Proposals.ElectronicSharePercent ?? 0;
        TargetCheck[] targets =
        [
            new("electronicShare", "Частка пропозицій, поданих в електронній формі, %", share, o.ElectronicSharePercent, null, share >= o.ElectronicSharePercent),
            new("activeUsers", "Активні користувачі (мешканці, що писали боту)", total.Residents.Wrote, o.ActiveUsers, null, total.Residents.Wrote >= o.ActiveUsers),
            new("reach", "Охоплення новин (підписники, яким доставлено оголошення)", total.Reach.Residents, o.ReachMin,
                o.ReachMax == o.ReachMin ? null : o.ReachMax, total.Reach.Residents >= o.ReachMin),
        ];
        return new ParticipationReport(new ConsultationRef(consultation.Id, consultation.Title), first, last,
            new SubscriberCount(subscribers), total, targets, months);
    }

    private async Task<ParticipationFigures> FiguresAsync(IQueryable<Proposal> proposals, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = clock.StartOfDay(from);
        var end = clock.StartOfDay(to.AddDays(1));

        var received = proposals.Where(p => p.ReceivedAt >= start && p.ReceivedAt < end);
        var byChannel = await received.GroupBy(p => p.Channel).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var channels = ProposalLabels.IntakeChannels
            .Select(c => new ChannelFigure(c.ToString(), ProposalLabels.Channel(c), IsElectronic(c), byChannel.GetValueOrDefault(c)))
            .ToList();
        var all = channels.Sum(c => c.Proposals);
        var electronic = channels.Where(c => c.Electronic).Sum(c => c.Proposals);
        var proposalFigures = new ProposalFigures(all, electronic, all - electronic,
            all == 0 ? null : Math.Round(100.0 * electronic / all, 1), channels);

        var wrote = await db.ParticipationActivities.AsNoTracking().Where(a => a.Day >= from && a.Day <= to)
            .Select(a => a.ResidentId).Distinct().CountAsync(ct);
        var submitted = await received.Where(p => p.ResidentId != null).Select(p => p.ResidentId).Distinct().CountAsync(ct);
        var subscribed = await db.Residents.AsNoTracking().CountAsync(r => r.SubscribedAt >= start && r.SubscribedAt < end, ct);

        return new ParticipationFigures(proposalFigures, new ResidentFigures(wrote, submitted, subscribed), await ReachAsync(start, end, ct));
    }

    private async Task<ReachFigures> ReachAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var announcements = db.Announcements.AsNoTracking().Where(a => a.StartedAt >= start && a.StartedAt < end);
        var count = await announcements.CountAsync(ct);
        var targets = await db.AnnouncementTargets.AsNoTracking()
            .Where(t => announcements.Any(a => a.Id == t.AnnouncementId))
            .GroupBy(t => t.Target)
            .Select(g => new { g.Key, Count = g.Count(), Published = g.Count(t => t.EnqueuedAt != null && t.SkippedReason == null) })
            .ToListAsync(ct);
        var rows = db.OutboxMessages.AsNoTracking().Where(m => m.AnnouncementId != null && announcements.Any(a => a.Id == m.AnnouncementId));
        var groups = await rows.GroupBy(m => new { m.Channel, m.IsPublicPost, m.Status })
            .Select(g => new { g.Key.Channel, g.Key.IsPublicPost, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var reached = await rows.Where(m => m.Status == OutboxStatus.Sent && m.ResidentId != null && !m.IsPublicPost)
            .Select(m => m.ResidentId).Distinct().CountAsync(ct);
        var posts = groups.Where(g => g.IsPublicPost && g.Status == OutboxStatus.Sent).Sum(g => g.Count);

        var byTarget = AnnouncementTargets.All.Select(target =>
        {
            var mine = groups.Where(g => AnnouncementTargets.FromRow(g.Channel, g.IsPublicPost) == target).ToList();
            var sentTo = targets.SingleOrDefault(t => t.Key == target);
            int Of(params OutboxStatus[] statuses) => mine.Where(g => statuses.Contains(g.Status)).Sum(g => g.Count);
            var delivered = target == AnnouncementTarget.Feed ? sentTo?.Published ?? 0 : Of(OutboxStatus.Sent);
            return new TargetReach(target.ToString(), TargetLabel(target), sentTo?.Count ?? 0, delivered,
                Of(OutboxStatus.Pending, OutboxStatus.Held), Of(OutboxStatus.Failed, OutboxStatus.Blocked, OutboxStatus.Skipped));
        }).ToList();
        return new ReachFigures(count, reached, posts, byTarget);
    }

    private DateOnly Local(DateTimeOffset instant) => DateOnly.FromDateTime(clock.ToLocal(instant).DateTime);

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
