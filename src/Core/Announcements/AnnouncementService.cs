using System.Globalization;
using Hromada.Core.Audit;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Announcements;

/// <summary>What became of a request to create, edit or cancel an announcement.</summary>
public sealed record AnnouncementResult(Announcement? Announcement, FieldErrors? Errors = null, string? Conflict = null, bool NotFound = false)
{
    public static AnnouncementResult Missing { get; } = new(null, NotFound: true);
}

/// <summary>
/// Creates, edits and cancels announcements. Only a scheduled announcement changes: once its time has come it is
/// sending, and a change then is a conflict. Every change is audited and its timer set after the commit.
/// </summary>
public sealed class AnnouncementService(
    HromadaDbContext db, AnnouncementValidator validator, NoticeValues notices, IAnnouncementScheduler scheduler,
    AuditLog audit, TimeProvider time, ILogger<AnnouncementService> logger)
{
    public async Task<AnnouncementResult> CreateAsync(AnnouncementInput input, string actor, CancellationToken ct = default)
    {
        var outcome = validator.Validate(input, AnnouncementKind.Manual);
        if (!outcome.IsValid)
        {
            return new AnnouncementResult(null, outcome.Problems);
        }
        var a = new Announcement
        {
            PublicId = Guid.NewGuid(),
            Kind = AnnouncementKind.Manual,
            Status = AnnouncementStatus.Scheduled,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = actor,
        };
        Apply(a, outcome);
        db.Announcements.Add(a);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, Key(a), new AnnouncementCreated(AnnouncementState.Of(a)));
        await db.SaveChangesAsync(ct);
        await ScheduleAsync(a, ct);
        return new AnnouncementResult(a);
    }

    public async Task<AnnouncementResult> EditAsync(long id, AnnouncementInput input, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var a = await LoadAsync(id, ct);
        if (a is null)
        {
            return AnnouncementResult.Missing;
        }
        if (NotEditable(a) is { } conflict)
        {
            return new AnnouncementResult(a, Conflict: conflict);
        }
        if (input.Version is { } v && v != a.Version)
        {
            return new AnnouncementResult(a, Conflict: $"Someone changed this announcement meanwhile (version {a.Version}); re-read it and apply your change again.");
        }
        var preview = await PreviewAsync(a, ct);
        var outcome = validator.Validate(input, a.Kind, preview);
        if (!outcome.IsValid)
        {
            return new AnnouncementResult(null, outcome.Problems);
        }
        var before = AnnouncementState.Of(a);
        Apply(a, outcome);
        a.UpdatedAt = time.GetUtcNow();
        a.UpdatedBy = actor;
        audit.Record(actor, Key(a), new AnnouncementEdited(before, AnnouncementState.Of(a)));
        if (await SaveOrConflictAsync(a, ct) is { } raced)
        {
            return raced;
        }
        await ScheduleAsync(a, ct);
        return new AnnouncementResult(a);
    }

    public async Task<AnnouncementResult> CancelAsync(long id, string actor, CancellationToken ct = default)
    {
        var a = await LoadAsync(id, ct);
        if (a is null)
        {
            return AnnouncementResult.Missing;
        }
        if (NotEditable(a) is { } conflict)
        {
            return new AnnouncementResult(a, Conflict: conflict);
        }
        Cancel(a, actor);
        audit.Record(actor, Key(a), new AnnouncementCancelled(new AnnouncementStatusState(AnnouncementStatus.Scheduled), new AnnouncementStatusState(a.Status)));
        if (await SaveOrConflictAsync(a, ct) is { } raced)
        {
            return raced;
        }
        await UnscheduleAsync(a.Id, ct);
        return new AnnouncementResult(a);
    }

    /// <summary>Marks a scheduled announcement cancelled (not saved).</summary>
    internal void Cancel(Announcement a, string actor)
    {
        a.Status = AnnouncementStatus.Cancelled;
        a.CancelledAt = time.GetUtcNow();
        a.CancelledBy = actor;
    }

    /// <summary>Fills an automatic notice's placeholders with the consultation's values now, for checking its length.</summary>
    internal async Task<Func<string, string>?> PreviewAsync(Announcement a, CancellationToken ct)
    {
        if (a.Kind == AnnouncementKind.Manual)
        {
            return null;
        }
        var values = await notices.ValuesAsync(a, ct);
        return text => NoticeTemplate.Render(text, values);
    }

    /// <summary>Sets the announcement's timer (after it is committed); a failure is logged, and the periodic check sets it.</summary>
    public async Task ScheduleAsync(Announcement a, CancellationToken ct)
    {
        try
        {
            await scheduler.ScheduleAsync(a.Id, a.SendAt, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The announcement is stored; the periodic check sets its timer from the database.
            logger.LogError(ex, "Could not set the timer of announcement {AnnouncementId}; the periodic check will set it", a.Id);
        }
    }

    internal async Task UnscheduleAsync(long id, CancellationToken ct)
    {
        try
        {
            await scheduler.UnscheduleAsync(id, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Harmless: a timer that fires for a cancelled announcement sends nothing.
            logger.LogWarning(ex, "Could not remove the timer of cancelled announcement {AnnouncementId}", id);
        }
    }

    private static void Apply(Announcement a, AnnouncementValidator.Outcome outcome)
    {
        a.Title = outcome.Title;
        a.Text = outcome.Text;
        a.SendAt = outcome.SendAt;
        a.RuleWorkingDays = outcome.Rule?.WorkingDays;
        a.RuleDirection = outcome.Rule?.Direction;
        a.RuleDate = outcome.Rule?.Date;
        a.RuleTime = outcome.Rule?.At;
        a.Targets.RemoveAll(t => !outcome.Targets.Contains(t.Target));
        foreach (var target in outcome.Targets.Where(t => a.Targets.All(x => x.Target != t)))
        {
            a.Targets.Add(new AnnouncementTargetProgress { Target = target });
        }
    }

    private async Task<AnnouncementResult?> SaveOrConflictAsync(Announcement a, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return new AnnouncementResult(a, Conflict: "The announcement changed meanwhile (its time may have come and it is sending); re-read it.");
        }
    }

    private Task<Announcement?> LoadAsync(long id, CancellationToken ct) =>
        db.Announcements.Include(x => x.Targets).SingleOrDefaultAsync(x => x.Id == id, ct);

    private static string? NotEditable(Announcement a) => a.Status switch
    {
        AnnouncementStatus.Scheduled => null,
        AnnouncementStatus.Sending => "The announcement is being sent; it can no longer be changed or cancelled.",
        AnnouncementStatus.Sent => "The announcement has been sent; it can no longer be changed or cancelled.",
        _ => "The announcement was cancelled.",
    };

    private static string Key(Announcement a) => a.Id.ToString(CultureInfo.InvariantCulture);
}
