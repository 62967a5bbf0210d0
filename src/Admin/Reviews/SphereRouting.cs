using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Proposals;
using Hromada.Core.Catalogs;
using Hromada.Core.Proposals;
using Hromada.Core.Reviews;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Reviews;

/// <summary>
/// Routing by sphere: the review bodies whose configured spheres (<c>Hromada:Catalog:ReviewBodies:N:Spheres</c>) include
/// a proposal's sphere are suggested on its page and in the bulk form, and every proposal of a consultation not yet
/// routed can be routed to them at once — first as a preview that stores nothing.
/// </summary>
public sealed class SphereRouting(HromadaDbContext db, ReviewService reviews, ReviewDueDates dueDates)
{
    public sealed record Input(int? Consultation, DateOnly? DueDate, bool DryRun = false, IReadOnlyList<string>? References = null);

    /// <summary>The proposals one review body would get.</summary>
    public sealed record BodyPlan(string Code, string Label, IReadOnlyList<string> References);

    /// <summary>Proposals of a sphere no review body reviews: they stay for routing by hand.</summary>
    public sealed record SphereWithoutBody(string Code, string Label, IReadOnlyList<string> References);

    public sealed record Plan(int Consultation, DateOnly DueDate, int Proposals, IReadOnlyList<BodyPlan> ByBody, IReadOnlyList<SphereWithoutBody> WithoutBody);

    /// <summary>What was routed; <c>skipped</c> were routed or decided by someone else after the preview.</summary>
    public sealed record Result(Plan Plan, bool DryRun, IReadOnlyList<string> Routed, IReadOnlyList<string> Skipped, IReadOnlyList<string> Conflicts);

    /// <summary>The bodies (not retired, in catalog order) that review any of <paramref name="sphereCodes"/>.</summary>
    public async Task<IReadOnlyList<ReviewBody>> SuggestAsync(IEnumerable<string> sphereCodes, CancellationToken ct)
    {
        var codes = sphereCodes.ToList();
        var bodies = await db.ReviewBodies.AsNoTracking().Where(b => !b.IsRetired).OrderBy(b => b.SortOrder).ToListAsync(ct);
        return bodies.Where(b => codes.Exists(b.Reviews)).ToList();
    }

    /// <summary>The suggested bodies for the proposals <paramref name="references"/> (their spheres together).</summary>
    public async Task<IReadOnlyList<ReviewBody>> SuggestForAsync(IReadOnlyCollection<string> references, CancellationToken ct)
    {
        var spheres = await db.Proposals.AsNoTracking().Where(p => references.Contains(p.Reference))
            .Select(p => p.Sphere!.Code).Distinct().ToListAsync(ct);
        return await SuggestAsync(spheres, ct);
    }

    /// <summary>Previews (<see cref="Input.DryRun"/>) or routes every unrouted proposal of the consultation by its sphere.</summary>
    public async Task<CommandResult<Result>> RouteAsync(Input input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var consultation = input.Consultation is { } id
            ? await db.Consultations.AsNoTracking().Where(c => c.Id == id).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct)
            : await db.Consultations.AsNoTracking().OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (consultation is null)
        {
            return CommandFailure.NotFound("No such consultation", "Такої консультації немає",
                input.Consultation is { } missing ? $"There is no consultation {missing}." : "There is no consultation yet.",
                input.Consultation is { } absent ? $"Консультації {absent} немає." : "Консультації ще немає.");
        }
        if (input.References is { Count: > ProposalChange.MaxBulk })
        {
            return CommandFailure.Invalid("Too many proposals", "Забагато пропозицій", new FieldErrors().Add("references",
                $"Give at most {ProposalChange.MaxBulk} references, or none for every unrouted proposal.",
                $"Не більше {ProposalChange.MaxBulk} пропозицій за раз."));
        }

        var due = input.DueDate ?? dueDates.Default;
        var plan = await PlanAsync(consultation.Value, due, input.References, ct);
        if (input.DryRun)
        {
            return CommandResult.Done(new Result(plan.Plan, true, [], [], []));
        }
        var (result, skipped) = await reviews.RouteEachAsync(plan.Bodies, due, user.ActorName(), onlyUnrouted: true, ct);
        // Previewed ones that are no longer waiting (routed or decided meanwhile, or gone) are skipped too.
        var gone = (input.References ?? []).Except(plan.Bodies.Keys).Except(plan.Plan.WithoutBody.SelectMany(s => s.References), StringComparer.Ordinal);
        return CommandResult.Done(new Result(plan.Plan, false, result.Done, [.. skipped, .. result.NotFound, .. gone], result.Conflicts));
    }

    private async Task<(Plan Plan, Dictionary<string, IReadOnlyList<int>> Bodies)> PlanAsync(
        int consultation, DateOnly due, IReadOnlyList<string>? only, CancellationToken ct)
    {
        var query = db.Proposals.AsNoTracking()
            .Where(p => p.ConsultationId == consultation && p.Status == ProposalStatus.Received && !p.Routes.Any());
        if (only is not null)
        {
            query = query.Where(p => only.Contains(p.Reference));
        }
        var unrouted = await query.OrderBy(p => p.Id)
            .Select(p => new { p.Reference, Sphere = p.Sphere!.Code, SphereLabel = p.Sphere.Label, SphereOrder = p.Sphere.SortOrder })
            .ToListAsync(ct);
        var bodies = await db.ReviewBodies.AsNoTracking().Where(b => !b.IsRetired).OrderBy(b => b.SortOrder).ToListAsync(ct);

        var routes = new Dictionary<string, IReadOnlyList<int>>(StringComparer.Ordinal);
        var byBody = bodies.ToDictionary(b => b.Id, _ => new List<string>());
        var withoutBody = new List<(string Code, string Label, int Order, string Reference)>();
        foreach (var p in unrouted)
        {
            var matching = bodies.Where(b => b.Reviews(p.Sphere)).Select(b => b.Id).ToList();
            if (matching.Count == 0)
            {
                withoutBody.Add((p.Sphere, p.SphereLabel, p.SphereOrder, p.Reference));
                continue;
            }
            routes[p.Reference] = matching;
            foreach (var id in matching)
            {
                byBody[id].Add(p.Reference);
            }
        }
        var plan = new Plan(consultation, due, routes.Count,
            bodies.Where(b => byBody[b.Id].Count > 0).Select(b => new BodyPlan(b.Code, b.Label, byBody[b.Id])).ToList(),
            withoutBody.GroupBy(x => (x.Code, x.Label, x.Order)).OrderBy(g => g.Key.Order)
                .Select(g => new SphereWithoutBody(g.Key.Code, g.Key.Label, g.Select(x => x.Reference).ToList())).ToList());
        return (plan, routes);
    }
}
