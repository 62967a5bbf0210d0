using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Proposals;
using Hromada.Core.Audit;
using Hromada.Core.Catalogs;
using Hromada.Core.Proposals;
using Hromada.Core.Reviews;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Admin.Reviews;

/// <summary>Routing proposals to review bodies with a due date, one or many at once, and the bodies' positions.</summary>
public sealed class ReviewService(HromadaDbContext db, AuditLog audit, TimeProvider time, ReviewNotices notices, ILogger<ReviewService> logger)
{
    public sealed record RouteInput(IReadOnlyList<string>? ReviewBodies, DateOnly? DueDate, int? Version);

    public sealed record BulkRouteInput(IReadOnlyList<string>? References, IReadOnlyList<string>? ReviewBodies, DateOnly? DueDate);

    public sealed record PositionInput(ReviewStance? Stance, string? Justification);

    public sealed record RouteResult(string Reference, int Version, IReadOnlyList<string> RoutedTo);

    public async Task<CommandResult<RouteResult>> RouteAsync(string reference, RouteInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var bodies = await ValidateRouteAsync(input.ReviewBodies, input.DueDate, errors, ct);
        if (errors.Any)
        {
            return CommandFailure.Invalid("The routing is incomplete", "Розподіл неповний", errors);
        }
        var p = await ProposalChange.LoadAsync(db, reference, ct);
        if (p is null)
        {
            return ProposalChange.NotFound(reference);
        }
        if (ProposalChange.CheckVersion(p, input.Version) is { } conflict)
        {
            return conflict;
        }
        Route(p, bodies, input.DueDate!.Value, user.ActorName());
        if (!await ProposalChange.TrySaveAsync(db, ct))
        {
            return ProposalChange.Stale(reference, null);
        }
        await TellBodiesAsync(ct);
        return CommandResult.Done(new RouteResult(p.Reference, p.Version, p.Routes.Select(r => r.ReviewBody!.Code).ToList()));
    }

    public async Task<CommandResult<BulkResult>> RouteManyAsync(BulkRouteInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var bodies = await ValidateRouteAsync(input.ReviewBodies, input.DueDate, errors, ct);
        ProposalChange.CheckBulk(input.References, errors);
        if (errors.Any)
        {
            return CommandFailure.Invalid("The routing is incomplete", "Розподіл неповний", errors);
        }
        IReadOnlyList<int> ids = bodies.Select(x => x.Id).ToList();
        var plan = input.References!.Select(r => r ?? "").Distinct(StringComparer.Ordinal).ToDictionary(r => r, _ => ids, StringComparer.Ordinal);
        var (result, _) = await RouteEachAsync(plan, input.DueDate!.Value, user.ActorName(), onlyUnrouted: false, ct);
        return CommandResult.Done(result);
    }

    /// <summary>
    /// Routes each proposal of <paramref name="plan"/> to its own review bodies (ids), all with the same due date, each
    /// saved on its own. With <paramref name="onlyUnrouted"/>, a proposal routed or decided meanwhile is left as it is
    /// and listed as skipped.
    /// </summary>
    internal async Task<(BulkResult Result, IReadOnlyList<string> Skipped)> RouteEachAsync(
        IReadOnlyDictionary<string, IReadOnlyList<int>> plan, DateOnly due, string actor, bool onlyUnrouted, CancellationToken ct)
    {
        var skipped = new List<string>();
        var result = await ProposalChange.ForEachAsync(db, plan.Keys,
            async p =>
            {
                if (onlyUnrouted && (p.Routes.Count > 0 || p.Status != ProposalStatus.Received))
                {
                    skipped.Add(p.Reference);
                    return;
                }
                var ids = plan[p.Reference];
                Route(p, await db.ReviewBodies.Where(b => ids.Contains(b.Id)).ToListAsync(ct), due, actor);
            },
            null, ct);
        await TellBodiesAsync(ct);
        return (skipped.Count == 0 ? result : result with { Done = result.Done.Except(skipped).ToList() }, skipped);
    }

    /// <summary>
    /// A review body's position. A Reviewer may record only its own body's; any other route answers as one that does
    /// not exist, so a Reviewer learns nothing about routes outside its body.
    /// </summary>
    public async Task<CommandResult<RouteDto>> RecordPositionAsync(string reference, string reviewBody, PositionInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        if (input.Stance is null || !Enum.IsDefined(input.Stance.Value))
        {
            errors.Add("stance", "The stance is required: Support, Partial or Reject.", "Оберіть позицію: підтримати, підтримати частково або відхилити.");
        }
        if (string.IsNullOrWhiteSpace(input.Justification))
        {
            errors.Add("justification", "The justification of the position may not be empty.", "Обґрунтуйте позицію: поле не може бути порожнім.");
        }
        if (errors.Any)
        {
            return CommandFailure.Invalid("The position is incomplete", "Позиція неповна", errors);
        }
        var p = await ProposalChange.LoadAsync(db, reference, ct);
        var route = p?.Routes.SingleOrDefault(r => string.Equals(r.ReviewBody!.Code, reviewBody, StringComparison.OrdinalIgnoreCase));
        if (p is null || route is null || (user.ReviewBodyId() is { } own && own != route.ReviewBodyId))
        {
            return CommandFailure.NotFound("No such route", "Такого розгляду немає",
                $"{reference} is not routed to '{reviewBody}'.", $"{reference} не передано на розгляд органу «{reviewBody}».");
        }
        var before = new PositionState(route.ReviewBody!.Code, route.Stance, route.PositionJustification);
        route.Stance = input.Stance;
        route.PositionJustification = input.Justification!.Trim();
        route.PositionAt = time.GetUtcNow();
        route.PositionBy = user.ActorName();
        ProposalChange.Touch(db, p);
        audit.Record(route.PositionBy, p.Reference, new PositionRecorded(before, before with { Stance = route.Stance, PositionJustification = route.PositionJustification }));
        if (!await ProposalChange.TrySaveAsync(db, ct))
        {
            return ProposalChange.Stale(reference, null);
        }
        return CommandResult.Done(new RouteDto(ProposalMapping.Ref(route.ReviewBody)!, route.DueDate, false, route.RoutedAt, route.RoutedBy,
            route.Stance, route.PositionJustification, route.PositionAt, route.PositionBy));
    }

    /// <summary>Tells the bodies what was just routed to them, one message each; if that fails, the next periodic pass does.</summary>
    private async Task TellBodiesAsync(CancellationToken ct)
    {
        try
        {
            await notices.TellRoutedAsync(ct);
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "The review bodies could not be told of the routing now; the next check tells them");
        }
    }

    private void Route(Proposal p, List<ReviewBody> bodies, DateOnly due, string actor)
    {
        var before = Routes(p);
        foreach (var body in bodies)
        {
            var existing = p.Routes.SingleOrDefault(r => r.ReviewBodyId == body.Id);
            if (existing is not null)
            {
                existing.DueDate = due;
                continue;
            }
            p.Routes.Add(new ProposalRoute { ReviewBodyId = body.Id, ReviewBody = body, DueDate = due, RoutedAt = time.GetUtcNow(), RoutedBy = actor });
        }
        if (p.Status == ProposalStatus.Received)
        {
            p.Status = ProposalStatus.Routed;
        }
        ProposalChange.Touch(db, p);
        audit.Record(actor, p.Reference, new ProposalRouted(before, Routes(p)));
    }

    private static RoutesState Routes(Proposal p) => new(p.Routes.Select(r => new RouteState(r.ReviewBody!.Code, r.DueDate)).ToList());

    private async Task<List<ReviewBody>> ValidateRouteAsync(IReadOnlyList<string>? codes, DateOnly? due, FieldErrors errors, CancellationToken ct)
    {
        var bodies = new List<ReviewBody>();
        if (codes is not { Count: > 0 })
        {
            errors.Add("reviewBodies", "Name at least one review body by its code (GET /api/admin/catalogs lists them).",
                "Оберіть принаймні один орган розгляду.");
        }
        else
        {
            bodies = await db.ReviewBodies.Where(b => codes.Contains(b.Code) && !b.IsRetired).ToListAsync(ct);
            var unknown = codes.Except(bodies.Select(b => b.Code), StringComparer.OrdinalIgnoreCase).ToList();
            if (unknown.Count > 0)
            {
                errors.Add("reviewBodies", $"Unknown review body: {string.Join(", ", unknown)}.", "Такого органу розгляду немає: оберіть зі списку.");
            }
        }
        if (due is null)
        {
            errors.Add("dueDate", "The due date is required.", "Вкажіть строк розгляду.");
        }
        return bodies;
    }
}
