using System.Globalization;
using Hromada.Core.Calendar;
using Hromada.Core.Community;
using Hromada.Core.Outbox;
using Hromada.Core.Resources;
using Hromada.Core.Reviews;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Hromada.Core.Reports.UkrainianCounts;

namespace Hromada.Core.Reports;

/// <summary>
/// A week of the weekly summary: the seven days <see cref="From"/>–<see cref="To"/> before the <see cref="Nominal"/> day,
/// due on <see cref="DueOn"/> (the nominal day, or the next working day) at <see cref="DueAt"/>.
/// </summary>
public sealed record WeeklyPeriod(DateOnly From, DateOnly To, DateOnly Nominal, DateOnly DueOn, DateTimeOffset DueAt);

/// <summary>A figure of the week beside the same figure of the week before.</summary>
public sealed record WeeklyFigure(int Week, int WeekBefore);

/// <summary>
/// The latest weekly summary as sent: its week (local dates, both included), the day it was due, when it was written,
/// to how many addresses, the text, and the figures beside the week before's; <see cref="NextDueAt"/> is when the next
/// one goes out (null when the summary is off).
/// </summary>
public sealed record WeeklySummaryView(
    DateOnly From, DateOnly To, DateOnly DueOn, DateTimeOffset SentAt, int Recipients, string Text,
    WeeklyFigure Received, WeeklyFigure Decided, WeeklyFigure AwaitingDecision, WeeklyFigure Overdue, DateTimeOffset? NextDueAt);

/// <summary>
/// Writes and sends the weekly analytical summary (<see cref="WeeklySummaryOptions"/>): the period summary of the week
/// compared with the week before, to the working group's recipients (<c>Hromada:WorkingGroup:TelegramChats</c>,
/// <c>Emails</c>) through the outbox. Run by the same periodic pass as the review notices. A summary is written once
/// per week: its row (unique week start) and its outbox messages are saved together, so a restart, a second pass or a
/// second instance on the same database finds the row, or fails to insert it and sends nothing.
/// </summary>
public sealed class WeeklySummaries(
    HromadaDbContext db, PeriodSummaryService periods, ReviewNotices notices, IOutbox outbox, CommunityClock clock,
    WorkingDayCalendar calendar, ReviewNoticeGate gate, IOptions<WeeklySummaryOptions> options, IOptions<CommunityOptions> community,
    ILogger<WeeklySummaries> logger)
{
    /// <summary>The week whose nominal day is <paramref name="nominal"/>.</summary>
    public WeeklyPeriod Period(DateOnly nominal)
    {
        var dueOn = calendar.WorkingDaysAfter(nominal, 0);
        return new WeeklyPeriod(nominal.AddDays(-7), nominal.AddDays(-1), nominal, dueOn, calendar.At(dueOn, options.Value.Time));
    }

    /// <summary>
    /// The week due at <paramref name="now"/>: the latest whose due time has come, as long as it is not more than one
    /// working day late (a service that was down longer skips that week rather than send a stale one); null if none.
    /// </summary>
    public WeeklyPeriod? Due(DateTimeOffset now)
    {
        var today = calendar.LocalDate(now);
        var latest = today.AddDays(-(((int)today.DayOfWeek - (int)options.Value.Day + 7) % 7));
        foreach (var nominal in new[] { latest, latest.AddDays(-7) })
        {
            var period = Period(nominal);
            if (period.DueAt <= now)
            {
                return today <= calendar.WorkingDaysAfter(period.DueOn, 1) ? period : null;
            }
        }
        return null;
    }

    /// <summary>When the next summary goes out after <paramref name="now"/>, or null when the summary is off.</summary>
    public DateTimeOffset? NextDueAt(DateTimeOffset now)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }
        var today = calendar.LocalDate(now);
        var nominal = today.AddDays(((int)options.Value.Day - (int)today.DayOfWeek + 7) % 7);
        var period = Period(nominal);
        return period.DueAt > now ? period.DueAt : Period(nominal.AddDays(7)).DueAt;
    }

    /// <summary>The latest summary written, or null.</summary>
    public Task<WeeklySummary?> LatestAsync(CancellationToken ct) =>
        db.WeeklySummaries.AsNoTracking().OrderByDescending(s => s.PeriodStart).FirstOrDefaultAsync(ct);

    /// <summary>The latest summary as the API and the dashboard show it, or null when none was written yet.</summary>
    public async Task<WeeklySummaryView?> LatestViewAsync(CancellationToken ct) =>
        await LatestAsync(ct) is { } s
            ? new WeeklySummaryView(s.PeriodStart, s.PeriodEnd, s.DueOn, s.CreatedAt, s.Recipients, s.Text,
                new WeeklyFigure(s.Received, s.PreviousReceived), new WeeklyFigure(s.Decided, s.PreviousDecided),
                new WeeklyFigure(s.AwaitingDecision, s.PreviousAwaitingDecision), new WeeklyFigure(s.Overdue, s.PreviousOverdue),
                NextDueAt(clock.UtcNow))
            : null;

    /// <summary>Writes and sends the summary due now, unless it is off, not due or already written; returns it if written.</summary>
    public async Task<WeeklySummary?> RunOnceAsync(CancellationToken ct)
    {
        if (!options.Value.Enabled || Due(clock.UtcNow) is not { } due)
        {
            return null;
        }
        await gate.Gate.WaitAsync(ct);
        try
        {
            if (await WrittenAsync(due, ct))
            {
                return null;
            }
            var current = await periods.BuildAsync(due.From, due.To, null, ct);
            var previous = await periods.BuildAsync(due.From.AddDays(-7), due.From.AddDays(-1), null, ct);
            var addresses = notices.GroupAddresses();
            var summary = new WeeklySummary
            {
                PeriodStart = due.From,
                PeriodEnd = due.To,
                DueOn = due.DueOn,
                CreatedAt = clock.UtcNow,
                Recipients = addresses.Count,
                Text = Text(current, previous),
                Received = current.Received.Total,
                PreviousReceived = previous.Received.Total,
                Decided = current.Decided.Total,
                PreviousDecided = previous.Decided.Total,
                AwaitingDecision = current.AwaitingDecision,
                PreviousAwaitingDecision = previous.AwaitingDecision,
                Overdue = current.Overdue.Proposals,
                PreviousOverdue = previous.Overdue.Proposals,
            };
            db.WeeklySummaries.Add(summary);
            notices.Send(addresses, T("WeeklySummary_Subject", Date(due.From), Date(due.To)), summary.Text);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex)
            {
                db.ChangeTracker.Clear();
                if (!await WrittenAsync(due, ct))
                {
                    throw;
                }
                // Another instance wrote this week's summary between our check and our save: its messages are the ones sent.
                logger.LogInformation(ex, "Weekly summary for {From}–{To} was written by another instance; not sent again", due.From, due.To);
                return null;
            }
            outbox.Signal();
            logger.LogInformation("Weekly summary for {From}–{To} written and sent to {Count} address(es)", due.From, due.To, addresses.Count);
            return summary;
        }
        finally
        {
            gate.Gate.Release();
        }
    }

    private Task<bool> WrittenAsync(WeeklyPeriod due, CancellationToken ct) =>
        db.WeeklySummaries.AsNoTracking().AnyAsync(s => s.PeriodStart == due.From, ct);

    /// <summary>The message: the week's summary sentence, then each figure beside the week before's.</summary>
    public string Text(PeriodSummary current, PeriodSummary previous) =>
        T("WeeklySummary_Text",
            Date(current.From), Date(current.To), current.Summary, Date(previous.From), Date(previous.To),
            Change(current.Received.Total, previous.Received.Total),
            Change(current.Decided.Total, previous.Decided.Total),
            Change(current.AwaitingDecision, previous.AwaitingDecision),
            Change(current.Overdue.Proposals, previous.Overdue.Proposals),
            $"{community.Value.PublicBaseUrl.TrimEnd('/')}/admin");

    private string Change(int now, int before) =>
        T("WeeklySummary_Change", Number(now), Number(before),
            now == before ? T("WeeklySummary_Same") : (now > before ? "+" : "−") + Number(Math.Abs(now - before)));

    /// <summary>The summary is read by the hromada's staff, in its default language.</summary>
    private CultureInfo Culture => community.Value.Culture;

    private string T(string key, params object?[] args) => Texts.Format(key, Culture, args);
}
