using Hromada.Admin.Auth;
using Hromada.Core.Audit;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Proposals;

/// <summary>The working group's corrections of a proposal's classification and its flags.</summary>
public static class ClassificationApi
{
    public static RouteGroupBuilder MapClassificationApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/proposals").WithTags("Classification").RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPut("/{reference}/classification", ClassifyAsync).WithName("ClassifyProposal")
            .WithSummary("Correct sphere, topic or settlement (codes) with a reason; the resident's original answer is kept beside it.");
        api.MapPut("/{reference}/flags", FlagAsync).WithName("FlagProposal")
            .WithSummary("Set or clear the flags: late, unidentified, duplicateOf (another reference, or empty to clear), offTopic.");
        return admin;
    }

    public sealed record ClassificationInput(string? Sphere, string? Topic, string? Settlement, bool ClearTopic, string? Reason, int? Version);

    public sealed record FlagsInput(bool? Late, bool? Unidentified, string? DuplicateOf, bool? OffTopic, string? Reason, int? Version);

    public sealed record ChangedDto(string Reference, int Version);

    private static async Task<Results<Ok<ChangedDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> ClassifyAsync(
        string reference, ClassificationInput input, HromadaDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors["reason"] = ["Say why the classification changes."];
        }
        var p = await ProposalChange.LoadAsync(db, reference, ct);
        if (p is null)
        {
            return ProposalsApi.NotFound(reference);
        }
        var sphere = input.Sphere is null ? null : await db.Spheres.SingleOrDefaultAsync(s => s.Code == input.Sphere, ct);
        if (input.Sphere is not null && sphere is null) errors["sphere"] = [$"Unknown sphere '{input.Sphere}'."];
        var sphereId = sphere?.Id ?? p.SphereId;
        var topic = input.Topic is null ? null : await db.Topics.SingleOrDefaultAsync(t => t.Code == input.Topic && t.SphereId == sphereId, ct);
        if (input.Topic is not null && topic is null) errors["topic"] = [$"Sphere has no topic '{input.Topic}'."];
        var settlement = input.Settlement is null ? null : await db.Settlements.SingleOrDefaultAsync(s => s.Code == input.Settlement, ct);
        if (input.Settlement is not null && settlement is null) errors["settlement"] = [$"Unknown settlement '{input.Settlement}'."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The correction is not valid");
        }
        if (ProposalChange.CheckVersion(p, input.Version) is { } conflict)
        {
            return conflict;
        }

        var before = new { p.SphereId, p.TopicId, p.SettlementId, p.UnlistedSettlement };
        if (sphere is not null && sphere.Id != p.SphereId)
        {
            p.SphereId = sphere.Id;
            p.TopicId = null;
        }
        if (topic is not null) p.TopicId = topic.Id;
        if (input.ClearTopic) p.TopicId = null;
        if (settlement is not null)
        {
            p.SettlementId = settlement.Id;
            p.UnlistedSettlement = null;
        }
        audit.Record(http.User.ActorName(), "Proposal", p.Reference, "Reclassified", before,
            new { p.SphereId, p.TopicId, p.SettlementId, p.UnlistedSettlement, Reason = input.Reason!.Trim() });
        ProposalChange.Touch(db, p);
        return await ProposalChange.TrySaveAsync(db, ct)
            ? TypedResults.Ok(new ChangedDto(p.Reference, p.Version))
            : ProposalChange.Stale(reference, null);
    }

    private static async Task<Results<Ok<ChangedDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> FlagAsync(
        string reference, FlagsInput input, HromadaDbContext db, AuditLog audit, HttpContext http, CancellationToken ct)
    {
        var p = await ProposalChange.LoadAsync(db, reference, ct);
        if (p is null)
        {
            return ProposalsApi.NotFound(reference);
        }
        if (input.DuplicateOf is { Length: > 0 } dup && (dup == reference || !await db.Proposals.AnyAsync(x => x.Reference == dup, ct)))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["duplicateOf"] = [$"'{dup}' is not another existing proposal."] },
                title: "The flags are not valid");
        }
        if (ProposalChange.CheckVersion(p, input.Version) is { } conflict)
        {
            return conflict;
        }
        var before = new { p.IsLate, p.IsUnidentified, p.DuplicateOfReference, p.IsOffTopic };
        p.IsLate = input.Late ?? p.IsLate;
        p.IsUnidentified = input.Unidentified ?? p.IsUnidentified;
        p.IsOffTopic = input.OffTopic ?? p.IsOffTopic;
        if (input.DuplicateOf is not null)
        {
            p.DuplicateOfReference = input.DuplicateOf.Length == 0 ? null : input.DuplicateOf;
        }
        audit.Record(http.User.ActorName(), "Proposal", p.Reference, "Flags changed", before,
            new { p.IsLate, p.IsUnidentified, p.DuplicateOfReference, p.IsOffTopic, Reason = input.Reason?.Trim() });
        ProposalChange.Touch(db, p);
        return await ProposalChange.TrySaveAsync(db, ct)
            ? TypedResults.Ok(new ChangedDto(p.Reference, p.Version))
            : ProposalChange.Stale(reference, null);
    }
}
