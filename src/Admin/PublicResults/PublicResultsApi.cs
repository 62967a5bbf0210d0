using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static Hromada.Admin.PublicResults.PublicResultsService;

namespace Hromada.Admin.PublicResults;

/// <summary>The publish switch of a consultation's results and the hiding of one proposal's text from them.</summary>
public static class PublicResultsApi
{
    /// <summary>Publish (true) or withdraw (false) a consultation's results page and open data.</summary>
    public sealed record PublishInput(bool? Published);

    /// <summary>Hide a proposal's text from the public pages with a reason (true), or show it again (false).</summary>
    public sealed record PublicTextInput(bool? Hidden, string? Reason, int? Version = null);

    public static RouteGroupBuilder MapPublicResultsApi(this RouteGroupBuilder admin)
    {
        admin.MapPut("/consultations/{id:int}/results", PublishAsync).WithTags("Consultations").WithName("PublishResults")
            .WithSummary("Switch the public results page (/results/{id}) and its open data (CSV, JSON) on or off; off by default. Audited.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        admin.MapPut("/proposals/{reference}/public-text", PublicTextAsync).WithTags("Proposals").WithName("HideProposalText")
            .WithSummary("Hide a proposal's text from the public results and open data (it names private persons, say), with the reason shown " +
                "instead; or show it again. The author's receipt page and the working group still see the text. Audited.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        return admin;
    }

    private static async Task<Results<Ok<PublicationDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> PublishAsync(
        int id, PublishInput? input, PublicResultsService service, ClaimsPrincipal user, CancellationToken ct) =>
        (await service.SetPublishedAsync(id, input?.Published, user, ct)).ToApi(x => x);

    private static async Task<Results<Ok<PublicTextDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> PublicTextAsync(
        string reference, PublicTextInput? input, PublicResultsService service, ClaimsPrincipal user, CancellationToken ct) =>
        (await service.SetTextHiddenAsync(reference, input?.Hidden, input?.Reason, input?.Version, user, ct)).ToApi(x => x);
}
