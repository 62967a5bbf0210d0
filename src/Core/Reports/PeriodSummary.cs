using Hromada.Core.Community;
using Hromada.Core.Consultations;
using Hromada.Core.Proposals;
using Hromada.Core.Resources;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Microsoft.EntityFrameworkCore;
using static Hromada.Core.Reports.UkrainianCounts;

namespace Hromada.Core.Reports;

public sealed record ConsultationRef(int Id, string Title);

public sealed record CodeCount(string Code, string Label, int Proposals);

public sealed record PeriodReceived(int Total, int Late, int Unidentified, IReadOnlyList<CodeCount> ByChannel, IReadOnlyList<CodeCount> BySphere);

public sealed record PeriodDecided(int Total, int Accepted, int PartiallyAccepted, int Rejected);

/// <summary>A review body that has not given its position by its due date.</summary>
public sealed record OverdueRoute(string Reference, string ReviewBodyCode, string ReviewBody, DateOnly DueDate, int DaysOverdue);

/// <summary>Routes past their due date without a position on <see cref="AsOf"/> (the period's last day, or today if earlier).</summary>
public sealed record PeriodOverdue(DateOnly AsOf, int Routes, int Proposals, IReadOnlyList<OverdueRoute> Items);

/// <summary>The weekly analytical summary: what came in, what was decided, what is overdue.</summary>
public sealed record PeriodSummary(
    DateOnly From, DateOnly To, ConsultationRef? Consultation, PeriodReceived Received, PeriodDecided Decided,
    int AwaitingDecision, PeriodOverdue Overdue, string Summary);

/// <summary>Builds a <see cref="PeriodSummary"/> for any from/to (local dates, both included), counted in SQL.</summary>
public sealed class PeriodSummaryService(HromadaDbContext db, CommunityClock clock)
{
    public async Task<PeriodSummary> BuildAsync(DateOnly from, DateOnly to, Consultation? consultation, CancellationToken ct = default)
    {
        if (to < from)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(to));
        }
        var start = clock.StartOfDay(from);
        var end = clock.StartOfDay(to.AddDays(1));
        var asOf = to < clock.Today ? to : clock.Today;
        var asOfEnd = clock.StartOfDay(asOf.AddDays(1));

        var proposals = db.Proposals.AsNoTracking();
        if (consultation is not null)
        {
            proposals = proposals.Where(p => p.ConsultationId == consultation.Id);
        }

        var received = proposals.Where(p => p.ReceivedAt >= start && p.ReceivedAt < end);
        var byChannel = await received.GroupBy(p => p.Channel).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var bySphere = await received.GroupBy(p => p.SphereId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var late = await received.CountAsync(p => p.IsLate, ct);
        var unidentified = await received.CountAsync(p => p.IsUnidentified, ct);
        var spheres = await db.Spheres.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct);

        var decided = await proposals.Where(p => p.DecidedAt >= start && p.DecidedAt < end && p.Outcome != null)
            .GroupBy(p => p.Outcome).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Decided(DecisionOutcome o) => decided.Where(d => d.Key == o).Sum(d => d.Count);

        var awaiting = await proposals.CountAsync(p => p.ReceivedAt < asOfEnd && (p.DecidedAt == null || p.DecidedAt >= asOfEnd), ct);

        var overdueRoutes = await db.ProposalRoutes.AsNoTracking()
            .Where(r => proposals.Any(p => p.Id == r.ProposalId && p.ReceivedAt < asOfEnd && (p.DecidedAt == null || p.DecidedAt >= asOfEnd)))
            .Where(r => r.DueDate < asOf && (r.PositionAt == null || r.PositionAt >= asOfEnd))
            .OrderBy(r => r.DueDate).ThenBy(r => r.ProposalId)
            .Select(r => new { r.Proposal!.Reference, r.ReviewBody!.Code, r.ReviewBody.Label, r.DueDate })
            .ToListAsync(ct);
        var items = overdueRoutes.Select(r => new OverdueRoute(r.Reference, r.Code, r.Label, r.DueDate, asOf.DayNumber - r.DueDate.DayNumber)).ToList();

        var receivedTotal = byChannel.Values.Sum();
        var result = new PeriodSummary(
            from, to,
            consultation is null ? null : new ConsultationRef(consultation.Id, consultation.Title),
            new PeriodReceived(receivedTotal, late, unidentified,
                ProposalLabels.IntakeChannels.Select(c => new CodeCount(c.ToString(), ProposalLabels.Channel(c), byChannel.GetValueOrDefault(c))).ToList(),
                spheres.Where(s => !s.IsRetired || bySphere.ContainsKey(s.Id))
                    .Select(s => new CodeCount(s.Code, s.Label, bySphere.GetValueOrDefault(s.Id))).ToList()),
            new PeriodDecided(decided.Sum(d => d.Count), Decided(DecisionOutcome.Accepted), Decided(DecisionOutcome.PartiallyAccepted), Decided(DecisionOutcome.Rejected)),
            awaiting,
            new PeriodOverdue(asOf, items.Count, items.Select(i => i.Reference).Distinct().Count(), items),
            "");
        return result with { Summary = Sentence(result) };
    }

    /// <summary>What the working group decided, as its decisions word it (Texts.resx «врахувати»).</summary>
    private static string Word(DecisionOutcome outcome) => Texts.Get($"Outcome_{outcome}", Ukrainian.Culture);

    private static string Sentence(PeriodSummary s)
    {
        var r = s.Received;
        var d = s.Decided;
        var text = r.Total == 0
            ? $"За період з {Date(s.From)} по {Date(s.To)} пропозицій не надійшло"
            : $"За період з {Date(s.From)} по {Date(s.To)} {Form(r.Total, CameIn)} {Count(r.Total, ProposalWords)} (з них після строку — {Number(r.Late)})";
        text += d.Total == 0
            ? "; рішень не ухвалено"
            : $"; ухвалено рішення щодо {Count(d.Total, ProposalWordsGenitive)} ({Word(DecisionOutcome.Accepted)} — {Number(d.Accepted)}, {Word(DecisionOutcome.PartiallyAccepted)} — {Number(d.PartiallyAccepted)}, {Word(DecisionOutcome.Rejected)} — {Number(d.Rejected)})";
        text += $". Станом на {Date(s.Overdue.AsOf)} без рішення — {Count(s.AwaitingDecision, ProposalWords)}";
        text += s.Overdue.Proposals == 0
            ? "; прострочених розглядів немає."
            : $"; строк надання позиції органом розгляду минув щодо {Count(s.Overdue.Proposals, ProposalWordsGenitive)}.";
        return text;
    }
}
