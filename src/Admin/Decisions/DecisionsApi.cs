using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Proposals;
using Hromada.Core.Proposals;
using Hromada.Core.Validation;
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
            .WithSummary("Record the decision (Accepted, PartiallyAccepted, Rejected) with a justification and the protocol (protocolNumber and protocolDate, or meeting: the id of a recorded meeting, whose number and date are used); the author is notified. Send the version you read: a stale one gets 409.");
        api.MapPost("/bulk/decision", DecideManyAsync).WithName("DecideProposals")
            .WithSummary("Decide several proposals at the same protocol (protocolNumber and protocolDate, or meeting: a recorded meeting's id). Either 'items' — each {reference, outcome, justification, version} with its own justification, as the procedure considers each proposal separately — or 'references' with one outcome and justification for all. Each is reported as decided, not found or conflicting.");
        return admin;
    }

    /// <summary>The bulk decision: <c>items</c> (each with its own justification), or <c>references</c> with one outcome and justification.</summary>
    public sealed record BulkDecisionInput(
        IReadOnlyList<string>? References, DecisionOutcome? Outcome, string? Justification, string? ProtocolNumber, DateOnly? ProtocolDate,
        IReadOnlyList<DecisionService.DecisionItem>? Items = null, int? Meeting = null);

    private static async Task<Results<Ok<DecisionDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> DecideAsync(
        string reference, DecisionService.DecisionInput input, DecisionService decisions, ClaimsPrincipal user, CancellationToken ct) =>
        (await decisions.DecideAsync(reference, input, user, ct)).ToApi(d => d);

    private static async Task<Results<Ok<BulkResult>, ValidationProblem>> DecideManyAsync(
        BulkDecisionInput input, DecisionService decisions, ClaimsPrincipal user, CancellationToken ct)
    {
        var items = input.Items ?? input.References?.Select(r => new DecisionService.DecisionItem(r, input.Outcome, input.Justification)).ToList();
        var result = await decisions.DecideEachAsync(items, input.ProtocolNumber, input.ProtocolDate, input.Meeting, user, ct);
        if (result.IsDone)
        {
            return TypedResults.Ok(result.Value);
        }
        // The one-for-all shape names its own fields, not items[i].
        var errors = new FieldErrors();
        foreach (var e in result.Errors.All)
        {
            var field = input.Items is null && e.Field.StartsWith("items[", StringComparison.Ordinal) ? e.Field[(e.Field.IndexOf('.', StringComparison.Ordinal) + 1)..] : e.Field;
            errors.Add(field, e.English, e.Ukrainian);
        }
        return CommandApiResults.Validation(CommandFailure.Invalid(result.Failure!.Title, errors));
    }
}
