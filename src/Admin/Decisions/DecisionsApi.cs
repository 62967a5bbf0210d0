using Hromada.Admin.Auth;
using Hromada.Admin.Proposals;
using Hromada.Core.Audit;
using Hromada.Core.Notifications;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Hromada.Admin.Decisions;

/// <summary>The working group's decision on a proposal, one at a time or in bulk; the author is notified in their channel.</summary>
public static class DecisionsApi
{
    public static RouteGroupBuilder MapDecisionsApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/proposals").WithTags("Decisions").RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPost("/{reference}/decision", DecideAsync).WithName("DecideProposal")
            .WithSummary("Record the decision (Accepted, PartiallyAccepted, Rejected) with a justification and the protocol; the author is notified. Send the version you read: a stale one gets 409.");
        api.MapPost("/bulk/decision", DecideManyAsync).WithName("DecideProposals")
            .WithSummary("The same decision for a list of references; each is reported as decided, not found or conflicting.");
        return admin;
    }

    public sealed record DecisionInput(DecisionOutcome? Outcome, string? Justification, string? ProtocolNumber, DateOnly? ProtocolDate, int? Version);

    public sealed record BulkDecisionInput(IReadOnlyList<string> References, DecisionOutcome? Outcome, string? Justification, string? ProtocolNumber, DateOnly? ProtocolDate);

    private static async Task<Results<Ok<DecisionDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> DecideAsync(
        string reference, DecisionInput input, HromadaDbContext db, AuditLog audit, NotificationService notifications,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (Validate(input.Outcome, input.Justification, input.ProtocolNumber, input.ProtocolDate) is { } problem)
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

        Apply(p, input.Outcome!.Value, input.Justification!, input.ProtocolNumber!, input.ProtocolDate!.Value, audit, time, http.User.ActorName());
        // The decision and its notice to the author are stored together: both or neither.
        await notifications.EnqueueDecisionAsync(p, ct);
        if (!await ProposalChange.TrySaveAsync(db, ct))
        {
            return ProposalChange.Stale(reference, null);
        }
        notifications.Send();
        return TypedResults.Ok(new DecisionDto(p.Outcome!.Value, p.Justification!, p.ProtocolNumber, p.ProtocolDate, p.DecidedAt, p.DecidedBy));
    }

    private static async Task<Results<Ok<ProposalChange.BulkResult>, ValidationProblem>> DecideManyAsync(
        BulkDecisionInput input, HromadaDbContext db, AuditLog audit, NotificationService notifications,
        TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (Validate(input.Outcome, input.Justification, input.ProtocolNumber, input.ProtocolDate) is { } problem)
        {
            return problem;
        }
        if (ProposalChange.CheckBulk(input.References, "The decision is incomplete") is { } bulkProblem)
        {
            return bulkProblem;
        }
        var result = await ProposalChange.ForEachAsync(db, input.References,
            async p =>
            {
                Apply(p, input.Outcome!.Value, input.Justification!, input.ProtocolNumber!, input.ProtocolDate!.Value, audit, time, http.User.ActorName());
                await notifications.EnqueueDecisionAsync(p, ct);
            },
            _ =>
            {
                notifications.Send();
                return Task.CompletedTask;
            }, ct);
        return TypedResults.Ok(result);
    }

    private static void Apply(Proposal p, DecisionOutcome outcome, string justification, string protocolNumber, DateOnly protocolDate,
        AuditLog audit, TimeProvider time, string actor)
    {
        var before = new { p.Status, p.Outcome, p.Justification, p.ProtocolNumber, p.ProtocolDate };
        p.Outcome = outcome;
        p.Justification = justification.Trim();
        p.ProtocolNumber = protocolNumber.Trim();
        p.ProtocolDate = protocolDate;
        p.DecidedAt = time.GetUtcNow();
        p.DecidedBy = actor;
        p.Status = ProposalStatus.Decided;
        audit.Record(actor, "Proposal", p.Reference, "Decided", before,
            new { p.Status, p.Outcome, p.Justification, p.ProtocolNumber, p.ProtocolDate });
    }

    private static ValidationProblem? Validate(DecisionOutcome? outcome, string? justification, string? protocolNumber, DateOnly? protocolDate)
    {
        var errors = new Dictionary<string, string[]>();
        if (outcome is null || !Enum.IsDefined(outcome.Value))
        {
            errors["outcome"] = ["The outcome is required: Accepted, PartiallyAccepted or Rejected."];
        }
        if (string.IsNullOrWhiteSpace(justification))
        {
            errors["justification"] = ["The justification may not be empty: the procedure requires a written justification for every decision."];
        }
        if (string.IsNullOrWhiteSpace(protocolNumber))
        {
            errors["protocolNumber"] = ["The number of the protocol the decision was taken at is required."];
        }
        if (protocolDate is null)
        {
            errors["protocolDate"] = ["The date of the protocol is required."];
        }
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "The decision is incomplete") : null;
    }
}
