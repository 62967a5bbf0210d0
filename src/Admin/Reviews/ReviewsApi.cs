using Hromada.Admin.Auth;
using Hromada.Admin.Proposals;
using Hromada.Core.Audit;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Reviews;

/// <summary>Routing proposals to review bodies with a due date, and the bodies' positions.</summary>
public static class ReviewsApi
{
    public static RouteGroupBuilder MapReviewsApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/proposals").WithTags("Review");
        api.MapPost("/{reference}/routes", RouteAsync).WithName("RouteProposal")
            .WithSummary("Route to one or more review bodies (codes) with a due date. Send the version you read: a stale one gets 409.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPost("/bulk/routes", RouteManyAsync).WithName("RouteProposals")
            .WithSummary("Route a list of references to the same bodies with the same due date.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPut("/{reference}/routes/{reviewBody}/position", PositionAsync).WithName("RecordPosition")
            .WithSummary("A review body's position (Support, Partial, Reject) with its justification. A Reviewer key may record only its own body's position; any other route is 404 to it.")
            .RequireAuthorization(AdminPolicies.Review);
        return admin;
    }

    public sealed record RouteInput(IReadOnlyList<string>? ReviewBodies, DateOnly? DueDate, int? Version);

    public sealed record BulkRouteInput(IReadOnlyList<string>? References, IReadOnlyList<string>? ReviewBodies, DateOnly? DueDate);

    public sealed record PositionInput(ReviewStance? Stance, string? Justification);

    public sealed record RouteResult(string Reference, int Version, IReadOnlyList<string> RoutedTo);

    private static async Task<Results<Ok<RouteResult>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> RouteAsync(
        string reference, RouteInput input, HromadaDbContext db, AuditLog audit, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var (bodies, problem) = await ValidateRouteAsync(db, input.ReviewBodies, input.DueDate, ct);
        if (problem is not null)
        {
            return problem;
        }
        var p = await ProposalChange.LoadAsync(db, reference, ct);
        if (p is null)
        {
            return ProposalsApi.NotFound(reference);
        }
        if (ProposalChange.CheckVersion(p, input.Version) is { } conflict)
        {
            return conflict;
        }
        Route(db, p, bodies, input.DueDate!.Value, audit, time, http.User.ActorName());
        if (!await ProposalChange.TrySaveAsync(db, ct))
        {
            return ProposalChange.Stale(reference, null);
        }
        return TypedResults.Ok(new RouteResult(p.Reference, p.Version, p.Routes.Select(r => r.ReviewBody!.Code).ToList()));
    }

    private static async Task<Results<Ok<ProposalChange.BulkResult>, ValidationProblem>> RouteManyAsync(
        BulkRouteInput input, HromadaDbContext db, AuditLog audit, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var (bodies, problem) = await ValidateRouteAsync(db, input.ReviewBodies, input.DueDate, ct);
        if (problem is not null)
        {
            return problem;
        }
        if (ProposalChange.CheckBulk(input.References, "The routing is incomplete") is { } bulkProblem)
        {
            return bulkProblem;
        }
        var ids = bodies.Select(x => x.Id).ToList();
        var result = await ProposalChange.ForEachAsync(db, input.References!,
            async p => Route(db, p, await db.ReviewBodies.Where(b => ids.Contains(b.Id)).ToListAsync(ct), input.DueDate!.Value, audit, time, http.User.ActorName()),
            null, ct);
        return TypedResults.Ok(result);
    }

    private static void Route(HromadaDbContext db, Proposal p, List<Core.Catalogs.ReviewBody> bodies, DateOnly due, AuditLog audit, TimeProvider time, string actor)
    {
        var before = p.Routes.Select(r => new { Body = r.ReviewBody!.Code, r.DueDate }).ToList();
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
        audit.Record(actor, "Proposal", p.Reference, "Routed", before,
            p.Routes.Select(r => new { Body = r.ReviewBody!.Code, r.DueDate }).ToList());
    }

    private static async Task<(List<Core.Catalogs.ReviewBody> Bodies, ValidationProblem? Problem)> ValidateRouteAsync(
        HromadaDbContext db, IReadOnlyList<string>? codes, DateOnly? due, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var bodies = new List<Core.Catalogs.ReviewBody>();
        if (codes is not { Count: > 0 })
        {
            errors["reviewBodies"] = ["Name at least one review body by its code (GET /api/admin/catalogs lists them)."];
        }
        else
        {
            bodies = await db.ReviewBodies.Where(b => codes.Contains(b.Code) && !b.IsRetired).ToListAsync(ct);
            var unknown = codes.Except(bodies.Select(b => b.Code), StringComparer.OrdinalIgnoreCase).ToList();
            if (unknown.Count > 0)
            {
                errors["reviewBodies"] = [$"Unknown review body: {string.Join(", ", unknown)}."];
            }
        }
        if (due is null)
        {
            errors["dueDate"] = ["The due date is required."];
        }
        return (bodies, errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "The routing is incomplete") : null);
    }

    private static async Task<Results<Ok<RouteDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> PositionAsync(
        string reference, string reviewBody, PositionInput input, HromadaDbContext db, AuditLog audit, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (input.Stance is null || !Enum.IsDefined(input.Stance.Value))
        {
            errors["stance"] = ["The stance is required: Support, Partial or Reject."];
        }
        if (string.IsNullOrWhiteSpace(input.Justification))
        {
            errors["justification"] = ["The justification of the position may not be empty."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The position is incomplete");
        }
        var p = await ProposalChange.LoadAsync(db, reference, ct);
        var route = p?.Routes.SingleOrDefault(r => string.Equals(r.ReviewBody!.Code, reviewBody, StringComparison.OrdinalIgnoreCase));
        // A Reviewer is told nothing about routes outside its body: another body's route answers as one that does not exist.
        if (p is null || route is null || (http.User.ReviewBodyId() is { } own && own != route.ReviewBodyId))
        {
            return TypedResults.NotFound(new ProblemDetails
            {
                Status = 404,
                Title = "No such route",
                Detail = $"{reference} is not routed to '{reviewBody}'.",
            });
        }
        var before = new { route.Stance, route.PositionJustification };
        route.Stance = input.Stance;
        route.PositionJustification = input.Justification!.Trim();
        route.PositionAt = time.GetUtcNow();
        route.PositionBy = http.User.ActorName();
        ProposalChange.Touch(db, p);
        audit.Record(route.PositionBy, "Proposal", p.Reference, $"Position of {route.ReviewBody!.Code}", before,
            new { route.Stance, route.PositionJustification });
        if (!await ProposalChange.TrySaveAsync(db, ct))
        {
            return ProposalChange.Stale(reference, null);
        }
        return TypedResults.Ok(new RouteDto(ProposalMapping.Ref(route.ReviewBody)!, route.DueDate, false, route.RoutedAt, route.RoutedBy,
            route.Stance, route.PositionJustification, route.PositionAt, route.PositionBy));
    }
}
