using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Announcements;

/// <summary>An announcement that needs a timer, and when it should fire.</summary>
public sealed record DueAnnouncement(long Id, DateTimeOffset FireAt);

/// <summary>
/// The periodic check, run at start and every few minutes: plans the automatic notices, moves rule-based announcements
/// when the calendar's settings changed, and lists every announcement that needs a timer (scheduled ones at their time,
/// broadcasts that stopped half-way at once), so the scheduler can be checked against the database.
/// </summary>
public sealed class AnnouncementHousekeeping(
    HromadaDbContext db, ConsultationNotices notices, AnnouncementValidator validator, TimeProvider time,
    ILogger<AnnouncementHousekeeping> logger)
{
    public async Task<IReadOnlyList<DueAnnouncement>> RunAsync(CancellationToken ct = default)
    {
        await notices.PlanAllAsync(ct);
        await ResolveRulesAgainAsync(ct);

        var now = time.GetUtcNow();
        var open = await db.Announcements.AsNoTracking()
            .Where(a => a.Status == AnnouncementStatus.Scheduled || a.Status == AnnouncementStatus.Sending)
            .Select(a => new { a.Id, a.Status, a.SendAt }).ToListAsync(ct);
        return open.Select(a => new DueAnnouncement(a.Id, a.Status == AnnouncementStatus.Sending || a.SendAt < now ? now : a.SendAt)).ToList();
    }

    private async Task ResolveRulesAgainAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var ruled = await db.Announcements.Where(a => a.Status == AnnouncementStatus.Scheduled && a.RuleWorkingDays != null).ToListAsync(ct);
        foreach (var a in ruled)
        {
            var resolved = validator.Resolve(a.Rule!);
            if (resolved != a.SendAt && resolved > now)
            {
                logger.LogInformation("Announcement {AnnouncementId} moves from {Old:u} to {New:u}: the working-day calendar changed",
                    a.Id, a.SendAt, resolved);
                a.SendAt = resolved;
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Edited or started meanwhile; the next run looks again.
        }
    }
}
