using Hromada.Admin.Auth;
using Hromada.Core.Community;
using Hromada.Core.Outbox;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Proposals;

/// <summary>Reading proposals: the filtered, sorted, paged list and one proposal with its whole history.</summary>
public static class ProposalsApi
{
    public static RouteGroupBuilder MapProposalsApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/proposals").WithTags("Proposals");
        api.MapGet("/", ListAsync).WithName("ListProposals")
            .WithSummary("Proposals filtered by consultation, sphere, topic, settlement, district, author category, social group, channel, status, outcome, late, unidentified, overdue, date range (from/to, local dates) and text (q); sorted (sort=receivedAt|-receivedAt|reference|-reference|status|sphere|settlement) and paged (page, pageSize ≤ 200; a page past the last is empty, one beyond the integer range is 400) with the total. Reviewer keys see only what is routed to their body; author fields only for Admin keys.")
            .RequireAuthorization(AdminPolicies.Review);
        api.MapGet("/{reference}", GetAsync).WithName("GetProposal")
            .WithSummary("One proposal with routes, positions, decision, the author's notice and the audit history.")
            .RequireAuthorization(AdminPolicies.Review);
        return admin;
    }

    internal sealed class ListRequest
    {
        [FromQuery] public string? Sort { get; set; }
        [FromQuery] public int? Page { get; set; }
        [FromQuery] public int? PageSize { get; set; }
    }

    private static async Task<Results<Ok<PageDto<ProposalSummaryDto>>, ValidationProblem>> ListAsync(
        [AsParameters] ProposalFilter filter, [AsParameters] ListRequest paging,
        HromadaDbContext db, CommunityClock clock, HttpContext http, CancellationToken ct)
    {
        var page = paging.Page ?? 1;
        var pageSize = paging.PageSize ?? 50;
        var errors = new Dictionary<string, string[]>();
        if (page < 1) errors["page"] = ["page starts at 1."];
        if (pageSize is < 1 or > 200) errors["pageSize"] = ["pageSize must be between 1 and 200."];
        // The rows to skip must fit the database's integer, or the query would wrap round to the first page.
        else if (page >= 1 && (long)(page - 1) * pageSize > int.MaxValue) errors["page"] = [$"page must be at most {int.MaxValue / pageSize + 1} with pageSize {pageSize}."];
        if (paging.Sort is not null && !ProposalQueries.SortKeys.Contains(paging.Sort))
        {
            errors["sort"] = [$"sort must be one of: {string.Join(", ", ProposalQueries.SortKeys)}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The list request is not valid");
        }

        filter.ReviewBodyId = http.User.ReviewBodyId() ?? filter.ReviewBodyId;
        var query = filter.Apply(db.Proposals.AsNoTracking(), clock.StartOfDay, clock.Today);
        var total = await query.CountAsync(ct);
        var ids = await query.Sort(paging.Sort).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => p.Id).ToListAsync(ct);
        var rows = await db.WithEverything().AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var personal = http.User.IsAdmin();
        var items = ids.Select(id => ProposalMapping.ToSummary(rows.Single(r => r.Id == id), personal)).ToList();
        return TypedResults.Ok(new PageDto<ProposalSummaryDto>(items, total, page, pageSize));
    }

    private static async Task<Results<Ok<ProposalDetailsDto>, NotFound<ProblemDetails>>> GetAsync(
        string reference, HromadaDbContext db, CommunityClock clock, HttpContext http, CancellationToken ct)
    {
        var p = await db.WithEverything().AsNoTracking().SingleOrDefaultAsync(x => x.Reference == reference, ct);
        if (p is null || (http.User.ReviewBodyId() is { } body && p.Routes.All(r => r.ReviewBodyId != body)))
        {
            return NotFound(reference);
        }

        var catalog = await db.Spheres.AsNoTracking().Where(s => s.Id == p.OriginalSphereId).ToListAsync(ct);
        var originalTopic = p.OriginalTopicId is null ? null : await db.Topics.AsNoTracking().SingleOrDefaultAsync(t => t.Id == p.OriginalTopicId, ct);
        var originalSettlement = p.OriginalSettlementId is null ? null : await db.Settlements.AsNoTracking().SingleOrDefaultAsync(s => s.Id == p.OriginalSettlementId, ct);
        var notices = await db.OutboxMessages.AsNoTracking().Where(n => n.ProposalId == p.Id && n.Purpose == OutboxPurpose.Notice).OrderBy(n => n.Id).ToListAsync(ct);
        var history = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Proposal" && a.EntityKey == p.Reference)
            .OrderBy(a => a.Id).ToListAsync(ct);
        var personal = http.User.IsAdmin();
        var today = clock.Today;

        return TypedResults.Ok(new ProposalDetailsDto(
            ProposalMapping.ToSummary(p, personal),
            ProposalMapping.Ref(catalog.SingleOrDefault()),
            ProposalMapping.Ref(originalTopic),
            ProposalMapping.Ref(originalSettlement),
            p.Routes.OrderBy(r => r.RoutedAt).Select(r => new RouteDto(
                ProposalMapping.Ref(r.ReviewBody)!, r.DueDate, r.Stance is null && r.DueDate < today, r.RoutedAt, r.RoutedBy,
                r.Stance, r.PositionJustification, r.PositionAt, r.PositionBy)).ToList(),
            p.Outcome is { } outcome
                ? new DecisionDto(outcome, p.Justification ?? "", p.ProtocolNumber, p.ProtocolDate, p.DecidedAt, p.DecidedBy)
                : null,
            notices.Select(n => new NoticeDto(
                "Decision", NoticeState(n.Status), n.CreatedAt, n.Status == OutboxStatus.Sent ? n.CompletedAt : null, n.LastError, n.Attempts)).ToList(),
            history.Select(a => new AuditDto(a.At, a.Actor, a.Action, a.Before, a.After)).ToList()));
    }

    /// <summary>The author's notice as the working group reads it: delivered, pending (being sent or retried), held, blocked, failed.</summary>
    private static string NoticeState(OutboxStatus status) => status switch
    {
        OutboxStatus.Sent => "delivered",
        OutboxStatus.Held => "held",
        OutboxStatus.Blocked => "blocked",
        OutboxStatus.Failed or OutboxStatus.Skipped => "failed",
        _ => "pending",
    };

    internal static NotFound<ProblemDetails> NotFound(string reference) => TypedResults.NotFound(new ProblemDetails
    {
        Status = 404,
        Title = "No such proposal",
        Detail = $"There is no proposal {reference}.",
    });
}
