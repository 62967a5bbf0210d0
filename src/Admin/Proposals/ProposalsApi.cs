using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

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
        [AsParameters] ProposalFilter filter, [AsParameters] ListRequest paging, ProposalReader reader, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await reader.ListAsync(filter, new ProposalReader.Paging(paging.Sort, paging.Page, paging.PageSize), user, ct);
        return result.IsDone ? TypedResults.Ok(result.Value) : CommandApiResults.Validation(result.Failure!);
    }

    private static async Task<Results<Ok<ProposalDetailsDto>, NotFound<ProblemDetails>>> GetAsync(
        string reference, ProposalReader reader, ClaimsPrincipal user, CancellationToken ct) =>
        await reader.GetAsync(reference, user, ct) is { } details ? TypedResults.Ok(details) : NotFound(reference);

    internal static NotFound<ProblemDetails> NotFound(string reference) => CommandApiResults.NotFound(ProposalChange.NotFound(reference));
}
