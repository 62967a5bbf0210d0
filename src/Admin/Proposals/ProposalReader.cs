using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Community;
using Hromada.Core.Outbox;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Proposals;

/// <summary>
/// Reading proposals as the caller may: the filtered, sorted, paged list and one proposal with its whole history.
/// A Reviewer sees only what is routed to its body (anything else is "not found"); author fields only for Admin.
/// </summary>
public sealed class ProposalReader(HromadaDbContext db, CommunityClock clock)
{
    public const int DefaultPageSize = 50, MaxPageSize = 200;

    public sealed record Paging(string? Sort, int? Page, int? PageSize);

    public async Task<CommandResult<PageDto<ProposalSummaryDto>>> ListAsync(ProposalFilter filter, Paging paging, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(paging);
        var errors = new FieldErrors();
        var requested = PageRequest.Read(paging.Page, paging.PageSize, DefaultPageSize, MaxPageSize, "пропозицій", errors);
        if (paging.Sort is not null && !ProposalQueries.SortKeys.Contains(paging.Sort))
        {
            errors.Add("sort", $"sort must be one of: {string.Join(", ", ProposalQueries.SortKeys)}.", "Оберіть порядок зі списку.");
        }
        if (errors.Any || requested is not { } page)
        {
            return CommandFailure.Invalid("The list request is not valid", "Запит списку неправильний", errors);
        }

        filter.ReviewBodyId = user.ReviewBodyId() ?? filter.ReviewBodyId;
        var query = filter.Apply(db.Proposals.AsNoTracking(), clock.StartOfDay, clock.Today);
        var total = await query.CountAsync(ct);
        var ids = await query.Sort(paging.Sort).Skip(page.Skip).Take(page.PageSize).Select(p => p.Id).ToListAsync(ct);
        var rows = await db.WithEverything().AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var personal = user.IsAdmin();
        var items = ids.Select(id => ProposalMapping.ToSummary(rows[id], personal)).ToList();
        return CommandResult.Done(new PageDto<ProposalSummaryDto>(items, total, page.Page, page.PageSize));
    }

    /// <summary>One proposal, or null when there is none the caller may see.</summary>
    public async Task<ProposalDetailsDto?> GetAsync(string reference, ClaimsPrincipal user, CancellationToken ct)
    {
        var p = await db.WithEverything().AsNoTracking().SingleOrDefaultAsync(x => x.Reference == reference, ct);
        if (p is null || (user.ReviewBodyId() is { } body && p.Routes.All(r => r.ReviewBodyId != body)))
        {
            return null;
        }

        var originalSphere = await db.Spheres.AsNoTracking().SingleOrDefaultAsync(s => s.Id == p.OriginalSphereId, ct);
        var originalTopic = p.OriginalTopicId is null ? null : await db.Topics.AsNoTracking().SingleOrDefaultAsync(t => t.Id == p.OriginalTopicId, ct);
        var originalSettlement = p.OriginalSettlementId is null ? null : await db.Settlements.AsNoTracking().SingleOrDefaultAsync(s => s.Id == p.OriginalSettlementId, ct);
        var notices = await db.OutboxMessages.AsNoTracking().Where(n => n.ProposalId == p.Id && n.Purpose == OutboxPurpose.Notice).OrderBy(n => n.Id).ToListAsync(ct);
        var history = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == "Proposal" && a.EntityKey == p.Reference)
            .OrderBy(a => a.Id).ToListAsync(ct);
        var personal = user.IsAdmin();
        var today = clock.Today;
        var bodies = await db.ReviewBodies.AsNoTracking().Where(b => !b.IsRetired).OrderBy(b => b.SortOrder).ToListAsync(ct);

        return new ProposalDetailsDto(
            ProposalMapping.ToSummary(p, personal),
            ProposalMapping.Ref(originalSphere),
            ProposalMapping.Ref(originalTopic),
            ProposalMapping.Ref(originalSettlement),
            p.Routes.OrderBy(r => r.RoutedAt).ThenBy(r => r.Id).Select(r => new RouteDto(
                ProposalMapping.Ref(r.ReviewBody)!, r.DueDate, r.Stance is null && r.DueDate < today, r.RoutedAt, r.RoutedBy,
                r.Stance, r.PositionJustification, r.PositionAt, r.PositionBy)).ToList(),
            p.Outcome is { } outcome
                ? new DecisionDto(outcome, p.Justification ?? "", p.ProtocolNumber, p.ProtocolDate, p.DecidedAt, p.DecidedBy)
                : null,
            notices.Select(n => new NoticeDto(
                "Decision", NoticeState(n.Status), n.CreatedAt, n.Status == OutboxStatus.Sent ? n.CompletedAt : null, n.LastError, n.Attempts)).ToList(),
            history.Select(a => new AuditDto(a.At, a.Actor, a.Action, a.Before, a.After, a.Kind, a.Version)).ToList(),
            bodies.Where(b => b.Reviews(p.Sphere!.Code)).Select(b => ProposalMapping.Ref(b)!).ToList());
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
}
