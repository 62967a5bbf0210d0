using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Proposals;
using Hromada.Core.Community;
using Hromada.Core.Consultations;
using Hromada.Core.Outbox;
using Hromada.Core.Participation;
using Hromada.Core.Proposals;
using Hromada.Core.Reports;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Web.Dashboard;

/// <summary>
/// What the dashboard shows for one consultation: its deadline, the counts (each the list's own filter, so a click
/// shows the same proposals), what needs attention today and, for the working group, the representation report.
/// A Reviewer's counts and tasks are its body's only.
/// </summary>
public sealed class DashboardData(
    HromadaDbContext db, CommunityClock clock, RepresentationService representation, ParticipationService participation,
    Reviews.ReviewBodyContacts contacts, WeeklySummaries weekly)
{
    private const int ListLength = 10;

    /// <summary>The overview's figures; <see cref="AwaitingPosition"/> counts, for a reviewer, the proposals waiting for their body's position.</summary>
    public sealed record Counts(int Received, int Late, int Unidentified, int Decided, int Overdue, int NotRouted, int AwaitingPosition);

    /// <summary>A review body's route waiting for its position.</summary>
    public sealed record DueRoute(string Reference, string ReviewBody, DateOnly DueDate, int DaysOverdue);

    /// <summary>A proposal the working group can decide: every body it was routed to has given its position.</summary>
    public sealed record ReadyToDecide(string Reference, int Positions);

    /// <summary>An author's notice that did not reach them.</summary>
    public sealed record Undelivered(string Reference, string State, string? Reason);

    /// <summary>A review body that cannot be told of its proposals (no contacts), with its open routes.</summary>
    public sealed record Unreachable(string Code, string Label, int OpenRoutes);

    public sealed record View(
        Consultation? Consultation, IReadOnlyList<Consultation> Consultations, bool IsAccepting, Counts Counts,
        IReadOnlyList<DueRoute> DueToday, IReadOnlyList<DueRoute> Overdue, IReadOnlyList<ReadyToDecide> Ready,
        IReadOnlyList<Undelivered> Notices, RepresentationReport? Report, ParticipationReport? Participation,
        IReadOnlyList<Unreachable> UnreachableBodies, WeeklySummaryView? Weekly = null, DateTimeOffset? WeeklyNext = null);

    public async Task<View> BuildAsync(int? consultationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var consultations = await db.Consultations.AsNoTracking().OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).ToListAsync(ct);
        var now = clock.UtcNow;
        var consultation = consultationId is { } id
            ? consultations.SingleOrDefault(c => c.Id == id)
            : consultations.FirstOrDefault(c => c.IsAccepting(now)) ?? consultations.FirstOrDefault();
        var body = user.ReviewBodyId();
        if (consultation is null)
        {
            return new View(null, consultations, false, new Counts(0, 0, 0, 0, 0, 0, 0), [], [], [], [], null, null, []);
        }

        var today = clock.Today;
        IQueryable<Proposal> Filtered(Action<ProposalFilter>? more = null)
        {
            var filter = new ProposalFilter { Consultation = consultation.Id, ReviewBodyId = body };
            more?.Invoke(filter);
            return filter.Apply(db.Proposals.AsNoTracking(), clock.StartOfDay, today);
        }
        var counts = new Counts(
            await Filtered().CountAsync(ct),
            await Filtered(f => f.Late = true).CountAsync(ct),
            await Filtered(f => f.Unidentified = true).CountAsync(ct),
            await Filtered(f => f.Status = ProposalStatus.Decided).CountAsync(ct),
            await Filtered(f => f.Overdue = true).CountAsync(ct),
            await Filtered(f => f.Status = ProposalStatus.Received).CountAsync(ct),
            await Filtered(f => f.AwaitingPosition = true).CountAsync(ct));

        var open = await db.ProposalRoutes.AsNoTracking()
            .Where(r => r.Stance == null && r.DueDate <= today && r.Proposal!.ConsultationId == consultation.Id && r.Proposal.Status != ProposalStatus.Decided)
            .Where(r => body == null || r.ReviewBodyId == body)
            .OrderBy(r => r.DueDate).ThenBy(r => r.ProposalId)
            .Select(r => new { r.Proposal!.Reference, Body = r.ReviewBody!.Label, r.DueDate })
            .Take(4 * ListLength).ToListAsync(ct);
        var routes = open.Select(r => new DueRoute(r.Reference, r.Body, r.DueDate, today.DayNumber - r.DueDate.DayNumber)).ToList();

        var ready = body is null
            ? await db.Proposals.AsNoTracking()
                .Where(p => p.ConsultationId == consultation.Id && p.Status == ProposalStatus.Routed && p.Routes.Any() && p.Routes.All(r => r.Stance != null))
                .OrderBy(p => p.Id).Select(p => new ReadyToDecide(p.Reference, p.Routes.Count)).Take(ListLength).ToListAsync(ct)
            : [];

        var notices = body is null
            ? (await db.OutboxMessages.AsNoTracking()
                .Where(n => n.Purpose == OutboxPurpose.Notice && n.ProposalId != null
                    && (n.Status == OutboxStatus.Failed || n.Status == OutboxStatus.Blocked || n.Status == OutboxStatus.Skipped))
                .Join(db.Proposals.Where(p => p.ConsultationId == consultation.Id), n => n.ProposalId, p => p.Id,
                    (n, p) => new { p.Reference, n.Status, n.LastError, n.Id })
                .OrderByDescending(x => x.Id).Take(ListLength).ToListAsync(ct))
                .Select(x => new Undelivered(x.Reference, x.Status == OutboxStatus.Blocked ? "blocked" : "failed", x.LastError)).ToList()
            : [];

        var group = user.May(AdminPolicies.WorkingGroup);
        var report = group ? await representation.BuildAsync(consultation, new ReportPeriod(null, null), ct) : null;
        var figures = group ? await participation.BuildAsync(consultation, ct) : null;
        var unreachable = group
            ? (await contacts.ListAsync(ct)).Where(b => !b.Reachable).Select(b => new Unreachable(b.Code, b.Label, b.OpenRoutes)).ToList()
            : [];
        return new View(consultation, consultations, consultation.IsAccepting(now), counts,
            routes.Where(r => r.DaysOverdue == 0).Take(ListLength).ToList(),
            routes.Where(r => r.DaysOverdue > 0).OrderByDescending(r => r.DaysOverdue).Take(ListLength).ToList(),
            ready, notices, report, figures, unreachable,
            group ? await weekly.LatestViewAsync(ct) : null, group ? weekly.NextDueAt(now) : null);
    }
}
