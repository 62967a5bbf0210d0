using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static Hromada.Admin.Letters.LetterService;

namespace Hromada.Admin.Letters;

/// <summary>Letters to groups by e-mail: check a letter and its addresses, then send it, one e-mail per address.</summary>
public static class LettersApi
{
    public static RouteGroupBuilder MapLettersApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/letters").WithTags("Letters").RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPost("/preview", PreviewAsync).WithName("PreviewLetter")
            .WithSummary("Check a letter: which addresses will get it (each checked, repeats once), which are not addresses. Nothing is stored or sent.");
        api.MapPost("/", SendAsync).WithName("SendLetter")
            .WithSummary("Send a letter to a list of e-mail addresses, each its own e-mail through the e-mail outbox. Audited (subject, text and the " +
                "number of addresses, not the addresses). 409 when e-mail is off.");
        return admin;
    }

    private static Results<Ok<LetterPreview>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>> PreviewAsync(
        LetterInput? input, LetterService letters) =>
        letters.Preview(input ?? new LetterInput(null, null, null)).ToApi(x => x);

    private static async Task<Results<Ok<LetterSent>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> SendAsync(
        LetterInput? input, LetterService letters, ClaimsPrincipal user, CancellationToken ct) =>
        (await letters.SendAsync(input ?? new LetterInput(null, null, null), user, ct)).ToApi(x => x);
}
