using Hromada.Admin.Commands;
using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Announcements;

/// <summary>
/// Reads deliveries from the outbox: an announcement's rows are its delivery rows, told apart by target through their
/// channel and whether they are a public post.
/// </summary>
internal static class AnnouncementReports
{
    public const int MaxFailuresListed = 200;

    /// <summary>Delivery counts of each listed announcement (loaded with its targets); a published feed entry counts as one sent.</summary>
    public static async Task<Dictionary<long, DeliveryCountsDto>> CountsAsync(HromadaDbContext db, IReadOnlyCollection<Announcement> announcements, CancellationToken ct)
    {
        var ids = announcements.Select(a => a.Id).ToList();
        var rows = (await db.OutboxMessages.AsNoTracking()
            .Where(m => m.AnnouncementId != null && ids.Contains(m.AnnouncementId.Value))
            .GroupBy(m => new { m.AnnouncementId, m.Status })
            .Select(g => new { g.Key.AnnouncementId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct))
            .Select(r => (Id: r.AnnouncementId!.Value, Status: r.Status, Count: r.Count))
            .Concat(announcements.Where(FeedPublished).Select(a => (Id: a.Id, Status: OutboxStatus.Sent, Count: 1)))
            .ToList();
        return rows.GroupBy(r => r.Id)
            .ToDictionary(g => g.Key, g => DeliveryCountsDto.From(g.Select(r => (r.Status, r.Count))));
    }

    /// <summary>
    /// The feed has no delivery rows: its entry is published the moment the announcement starts going out (the feed
    /// lists it from then on), so it counts as one sent.
    /// </summary>
    private static bool FeedPublished(Announcement a) =>
        a.Targets.Any(t => t.Target == AnnouncementTarget.Feed && t.SkippedReason is null && t.EnqueuedAt is not null);

    public static async Task<DeliveryReportDto> ReportAsync(HromadaDbContext db, Announcement a, CommunityClock clock, CancellationToken ct)
    {
        var groups = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.AnnouncementId == a.Id)
            .GroupBy(m => new { m.Channel, m.IsPublicPost, m.Status })
            .Select(g => new { g.Key.Channel, g.Key.IsPublicPost, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var byTarget = groups.Select(g => (Target: AnnouncementTargets.FromRow(g.Channel, g.IsPublicPost), g.Status, g.Count)).ToList();

        var feedPublished = FeedPublished(a);
        if (feedPublished)
        {
            byTarget.Add((AnnouncementTarget.Feed, OutboxStatus.Sent, 1));
        }
        var targets = a.Targets.OrderBy(t => t.Target).Select(t =>
        {
            var mine = byTarget.Where(g => g.Target == t.Target).Select(g => (g.Status, g.Count)).ToList();
            var outside = t.Target == AnnouncementTarget.MessengerSubscribers ? mine.Where(g => g.Status == OutboxStatus.Held).Sum(g => g.Count) : 0;
            var written = t.Target == AnnouncementTarget.Feed && feedPublished ? 1 : t.Enqueued;
            // Rows written before the Ukrainian was kept have only the English.
            var ukrainian = t.SkippedReasonUkrainian ?? t.SkippedReason;
            return new TargetReportDto(t.Target, t.Recipient, t.SkippedReason is null ? null : ApiLanguage.Pick(t.SkippedReason, ukrainian!),
                written, t.EnqueuedAt is not null, DeliveryCountsDto.From(mine), outside) { SkippedReasonUkrainian = ukrainian };
        }).ToList();

        var failed = db.OutboxMessages.AsNoTracking()
            .Where(m => m.AnnouncementId == a.Id && (m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Blocked));
        var failuresTotal = await failed.CountAsync(ct);
        var failures = (await failed.OrderBy(m => m.Id).Take(MaxFailuresListed)
                .Select(m => new { m.Channel, m.IsPublicPost, m.ResidentId, m.Status, m.Attempts, m.LastError, m.CompletedAt })
                .ToListAsync(ct))
            .Select(m => new FailureDto(AnnouncementTargets.FromRow(m.Channel, m.IsPublicPost), m.ResidentId, m.Status, m.Attempts,
                m.LastError, AnnouncementMapping.Local(clock, m.CompletedAt)))
            .ToList();

        return new DeliveryReportDto(a.Id, a.Status, clock.ToLocal(a.SendAt), AnnouncementMapping.Local(clock, a.StartedAt),
            AnnouncementMapping.Local(clock, a.CompletedAt), a.SentText, DeliveryCountsDto.From(byTarget.Select(g => (g.Status, g.Count))),
            targets, failures, failuresTotal);
    }

    public static async Task<SubscribersDto> SubscribersAsync(HromadaDbContext db, TimeProvider time, CancellationToken ct)
    {
        Channel[] chats = [Channel.Telegram, Channel.Messenger, Channel.Viber, Channel.WebChat];
        var residents = await db.Residents.AsNoTracking()
            .Where(r => chats.Contains(r.Channel) && (r.IsSubscribed || r.IsBlocked))
            .Select(r => new { r.Channel, r.IsSubscribed, r.IsBlocked, r.LastInboundAt })
            .ToListAsync(ct);
        var windowStart = time.GetUtcNow() - AnnouncementBroadcaster.MessengerWindow;
        var channels = chats.Select(channel =>
        {
            var subscribed = residents.Where(r => r.Channel == channel && r.IsSubscribed && !r.IsBlocked).ToList();
            var inside = channel == Channel.Messenger ? subscribed.Count(r => r.LastInboundAt > windowStart) : (int?)null;
            return new ChannelSubscribersDto(channel, subscribed.Count, residents.Count(r => r.Channel == channel && r.IsBlocked),
                inside, inside is null ? null : subscribed.Count - inside);
        }).ToList();
        return new SubscribersDto(channels.Sum(c => c.Subscribed), channels);
    }
}
