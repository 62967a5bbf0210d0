using System.Globalization;
using Hromada.Core.Calendar;
using Hromada.Core.Consultations;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Announcements;

/// <summary>
/// Plans the automatic notices of a consultation's life as scheduled announcements the communications office sees,
/// may edit and may cancel: opened, the deadline reminder, each extension, closed, decisions published. Planning is
/// idempotent (each notice has a key), so it runs after every change to a consultation and periodically.
/// A notice whose moment passed more than <see cref="MaxLateness"/> ago is not created: a database from before this
/// feature does not announce old events.
/// </summary>
public sealed class ConsultationNotices(
    HromadaDbContext db, NoticeValues notices, AnnouncementValidator validator, WorkingDayCalendar calendar,
    IAnnouncementScheduler scheduler, IOptions<AnnouncementOptions> options, TimeProvider time, ILogger<ConsultationNotices> logger)
{
    public const string Actor = "system";
    public static readonly TimeSpan MaxLateness = TimeSpan.FromDays(1);

    private const string ExtensionPrefix = "extension:";

    private static readonly AnnouncementTarget[] Subscribers =
        [AnnouncementTarget.TelegramSubscribers, AnnouncementTarget.MessengerSubscribers, AnnouncementTarget.ViberSubscribers, AnnouncementTarget.WebChatSubscribers];

    private static readonly AnnouncementTarget[] Everywhere =
        [AnnouncementTarget.TelegramChannel, AnnouncementTarget.FacebookPage, AnnouncementTarget.Feed, .. Subscribers];

    /// <summary>The extension a <see cref="AnnouncementKind.DeadlineExtended"/> notice is about, from its key.</summary>
    public static int? ExtensionId(string? noticeKey) =>
        noticeKey?.StartsWith(ExtensionPrefix, StringComparison.Ordinal) == true
        && int.TryParse(noticeKey.AsSpan(ExtensionPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public async Task PlanAllAsync(CancellationToken ct = default)
    {
        foreach (var id in await db.Consultations.Select(c => c.Id).ToListAsync(ct))
        {
            await PlanAsync(id, ct);
        }
    }

    public async Task PlanAsync(int consultationId, CancellationToken ct = default)
    {
        var c = await db.Consultations.AsNoTracking().Include(x => x.Extensions).SingleOrDefaultAsync(x => x.Id == consultationId, ct);
        if (c is null)
        {
            return;
        }
        var existing = await db.Announcements.Include(a => a.Targets)
            .Where(a => a.ConsultationId == consultationId && a.Kind != AnnouncementKind.Manual).ToListAsync(ct);
        var plan = new Plan(existing, time.GetUtcNow());

        foreach (var kind in Enum.GetValues<AnnouncementKind>().Where(k => k != AnnouncementKind.Manual && !Settings(k).Enabled))
        {
            foreach (var a in plan.Scheduled(kind))
            {
                plan.Cancel(a, $"{AnnouncementOptions.Section}:Notices:{kind}:Enabled is false");
            }
        }
        if (Settings(AnnouncementKind.ConsultationOpened).Enabled)
        {
            Want(plan, c, AnnouncementKind.ConsultationOpened, "opened", c.OpensAt);
        }
        if (Settings(AnnouncementKind.DeadlineReminder).Enabled)
        {
            PlanReminder(plan, c);
        }
        if (Settings(AnnouncementKind.DeadlineExtended).Enabled)
        {
            foreach (var e in c.Extensions)
            {
                Want(plan, c, AnnouncementKind.DeadlineExtended, ExtensionPrefix + e.Id.ToString(CultureInfo.InvariantCulture), e.CreatedAt, move: false);
            }
        }
        if (Settings(AnnouncementKind.ConsultationClosed).Enabled)
        {
            var end = c.ClosedAt is { } closed && closed < c.Deadline ? closed : c.Deadline;
            Want(plan, c, AnnouncementKind.ConsultationClosed, "closed:" + Stamp(end), end, movable: true);
        }
        if (Settings(AnnouncementKind.DecisionsPublished).Enabled)
        {
            await PlanDecisionsAsync(plan, c, ct);
        }
        await SaveAsync(plan, ct);
    }

    private NoticeOptions Settings(AnnouncementKind kind) => options.Value.Notices.For(kind);

    private void PlanReminder(Plan plan, Consultation c)
    {
        var s = Settings(AnnouncementKind.DeadlineReminder);
        var at = validator.Resolve(new WorkingDayRule(s.WorkingDays, RuleDirection.Before, calendar.LocalDate(c.Deadline),
            AnnouncementOptions.ParseTime(s.At) ?? options.Value.DefaultTimeOfDay));
        if (c.ClosedAt is not null || at >= c.Deadline)
        {
            foreach (var a in plan.Scheduled(AnnouncementKind.DeadlineReminder))
            {
                plan.Cancel(a, c.ClosedAt is null ? "the reminder would fall after the deadline" : "the consultation is closed");
            }
            return;
        }
        Want(plan, c, AnnouncementKind.DeadlineReminder, "reminder:" + Stamp(c.Deadline), at, movable: true, onlyFuture: true);
    }

    private async Task PlanDecisionsAsync(Plan plan, Consultation c, CancellationToken ct)
    {
        const AnnouncementKind kind = AnnouncementKind.DecisionsPublished;
        if (plan.Scheduled(kind).Any())
        {
            return; // the scheduled one will tell about every decision made until it goes out
        }
        var covered = plan.Existing.Where(a => a.Kind == kind && a.StartedAt is not null).Select(a => a.StartedAt!.Value)
            .DefaultIfEmpty(DateTimeOffset.MinValue).Max();
        var since = covered > plan.Now - MaxLateness ? covered : plan.Now - MaxLateness;
        var decided = await db.Proposals.Where(p => p.ConsultationId == c.Id && p.DecidedAt != null)
            .Select(p => p.DecidedAt!.Value).ToListAsync(ct);
        var first = decided.Where(d => d > since).DefaultIfEmpty().Min();
        if (first == default)
        {
            return;
        }
        var s = Settings(kind);
        var at = validator.Resolve(new WorkingDayRule(s.WorkingDays, RuleDirection.After, calendar.LocalDate(first),
            AnnouncementOptions.ParseTime(s.At) ?? options.Value.DefaultTimeOfDay));
        Want(plan, c, kind, "decisions:" + Stamp(first), at > plan.Now ? at : plan.Now);
    }

    /// <summary>
    /// Makes sure the notice <paramref name="key"/> exists. A scheduled notice of the kind that nobody edited by hand
    /// follows the consultation's dates when <paramref name="movable"/> (or its own time when <paramref name="move"/>).
    /// </summary>
    private void Want(Plan plan, Consultation c, AnnouncementKind kind, string key, DateTimeOffset at,
        bool movable = false, bool move = true, bool onlyFuture = false)
    {
        var same = plan.Existing.FirstOrDefault(a => a.Kind == kind && a.NoticeKey == key);
        if (same is not null)
        {
            if (move && same.Status == AnnouncementStatus.Scheduled && same.UpdatedBy is null && same.SendAt != at)
            {
                plan.Move(same, key, at, onlyFuture);
            }
            return;
        }
        var scheduled = movable ? plan.Scheduled(kind).FirstOrDefault() : null;
        if (scheduled is not null)
        {
            plan.Move(scheduled, key, scheduled.UpdatedBy is null ? at : scheduled.SendAt, onlyFuture);
            return;
        }
        if (at < plan.Now - MaxLateness || (onlyFuture && at <= plan.Now))
        {
            return;
        }
        var s = Settings(kind);
        var targets = s.Targets.Count == 0
            ? (kind == AnnouncementKind.DeadlineReminder ? Subscribers : Everywhere)
            : s.Targets.Select(t => AnnouncementTargets.TryParse(t, out var target) ? target : (AnnouncementTarget?)null)
                .OfType<AnnouncementTarget>().Distinct().ToArray();
        plan.Add(new Announcement
        {
            PublicId = Guid.NewGuid(),
            Kind = kind,
            ConsultationId = c.Id,
            NoticeKey = key,
            Text = string.IsNullOrWhiteSpace(s.Template) ? notices.DefaultTemplate(kind) : s.Template.Trim(),
            SendAt = at,
            Status = AnnouncementStatus.Scheduled,
            CreatedAt = plan.Now,
            CreatedBy = Actor,
            Targets = targets.Select(t => new AnnouncementTargetProgress { Target = t }).ToList(),
        });
    }

    private async Task SaveAsync(Plan plan, CancellationToken ct)
    {
        if (plan.Changed.Count == 0)
        {
            return;
        }
        foreach (var a in plan.Changed.Where(a => a.Id == 0))
        {
            db.Announcements.Add(a);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            // Another planner (a request and the periodic check) got there first; the next run sees its result.
            logger.LogInformation(ex, "Automatic notices were planned by someone else meanwhile");
            foreach (var entry in db.ChangeTracker.Entries<Announcement>().Where(e => plan.Changed.Contains(e.Entity)).ToList())
            {
                entry.State = EntityState.Detached;
            }
            return;
        }
        foreach (var a in plan.Changed.Distinct())
        {
            logger.LogInformation("Automatic notice {AnnouncementId} ({Kind}) for consultation {ConsultationId}: {Status}, {SendAt:u}",
                a.Id, a.Kind, a.ConsultationId, a.Status, a.SendAt);
            if (a.Status == AnnouncementStatus.Scheduled)
            {
                await scheduler.ScheduleAsync(a.Id, a.SendAt, ct);
            }
            else
            {
                await scheduler.UnscheduleAsync(a.Id, ct);
            }
        }
    }

    private static string Stamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The notices of one consultation as loaded, and what this run changes.</summary>
    private sealed class Plan(List<Announcement> existing, DateTimeOffset now)
    {
        public List<Announcement> Existing { get; } = existing;
        public DateTimeOffset Now { get; } = now;
        public List<Announcement> Changed { get; } = [];

        public IEnumerable<Announcement> Scheduled(AnnouncementKind kind) =>
            Existing.Where(a => a.Kind == kind && a.Status == AnnouncementStatus.Scheduled);

        public void Add(Announcement a)
        {
            Existing.Add(a);
            Changed.Add(a);
        }

        public void Move(Announcement a, string key, DateTimeOffset at, bool onlyFuture)
        {
            if (onlyFuture && at <= Now)
            {
                Cancel(a, "its new time has already passed");
                return;
            }
            if (a.NoticeKey == key && a.SendAt == at)
            {
                return;
            }
            a.NoticeKey = key;
            a.SendAt = at;
            Changed.Add(a);
        }

        public void Cancel(Announcement a, string why)
        {
            a.Status = AnnouncementStatus.Cancelled;
            a.CancelledAt = Now;
            a.CancelledBy = $"{Actor}: {why}";
            Changed.Add(a);
        }
    }
}
