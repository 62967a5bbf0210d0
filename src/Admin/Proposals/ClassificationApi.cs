using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

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

    private static async Task<Results<Ok<ProposalCommands.Changed>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> ClassifyAsync(
        string reference, ProposalCommands.ClassificationInput input, ProposalCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
        (await commands.ClassifyAsync(reference, input, user, ct)).ToApi(c => c);

    private static async Task<Results<Ok<ProposalCommands.Changed>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> FlagAsync(
        string reference, ProposalCommands.FlagsInput input, ProposalCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
        (await commands.SetFlagsAsync(reference, input, user, ct)).ToApi(c => c);
}
