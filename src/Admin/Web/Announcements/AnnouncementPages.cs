using Hromada.Admin.Announcements;
using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Web.Announcements;

/// <summary>What the announcements pages read: the list (the next to go out first), one announcement, its delivery report.</summary>
public sealed class AnnouncementPages(HromadaDbContext db, NoticeValues notices, AnnouncementChannels channels, CommunityClock clock, TimeProvider time)
{
    public const int ListLength = 100;

    /// <summary>A listed announcement; <see cref="Text"/> is what residents read (an automatic notice's placeholders filled in).</summary>
    public sealed record Row(Announcement Announcement, DeliveryCountsDto? Delivery, string Text);

    public sealed record Target(AnnouncementTarget Value, bool Available, string? Unavailable, int MaxLength);

    public async Task<IReadOnlyList<Row>> ListAsync(AnnouncementStatus? status, CancellationToken ct)
    {
        var query = db.Announcements.AsNoTracking().Include(a => a.Targets).AsQueryable();
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        var all = await query.ToListAsync(ct);
        var shown = all.InListOrder(a => (a.Id, a.Status, a.SendAt)).Take(ListLength).ToList();
        var counts = await AnnouncementReports.CountsAsync(db, shown, ct);
        var rows = new List<Row>(shown.Count);
        foreach (var a in shown)
        {
            var text = a.SentText ?? (a.Kind == AnnouncementKind.Manual ? a.Text : await notices.RenderAsync(a, ct));
            rows.Add(new Row(a, counts.GetValueOrDefault(a.Id), text));
        }
        return rows;
    }

    public Task<Announcement?> GetAsync(long id, CancellationToken ct) =>
        db.Announcements.AsNoTracking().Include(a => a.Targets).SingleOrDefaultAsync(a => a.Id == id, ct);

    public Task<string?> PreviewAsync(Announcement a, CancellationToken ct) => AnnouncementMapping.PreviewAsync(a, notices, ct);

    public Task<DeliveryReportDto> ReportAsync(Announcement a, CancellationToken ct) => AnnouncementReports.ReportAsync(db, a, clock, ct);

    public Task<SubscribersDto> SubscribersAsync(CancellationToken ct) => AnnouncementReports.SubscribersAsync(db, time, ct);

    /// <summary>The targets an announcement may choose (e-mail to authors is a letter, sent from the letters page).</summary>
    public IReadOnlyList<Target> Targets() => AnnouncementTargets.ForAnnouncements
        .Select(t => new Target(t, channels.Unavailable(t) is null, channels.Unavailable(t)?.Ukrainian, AnnouncementTargets.MaxLength(t))).ToList();
}
