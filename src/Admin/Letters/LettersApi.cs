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
        api.MapGet("/", ListAsync).WithName("ListLetters")
            .WithSummary("The latest 50 letters, newest first, each with its delivery: recipients, delivered (the mail server accepted it), waiting " +
                "(queued or being retried), notDelivered (given up or refused) and noLongerKnown (the outbox record was deleted by its retention).");
        api.MapGet("/{letter}", ReportAsync).WithName("LetterReport")
            .WithSummary("One letter's delivery (letter: the key the send returned), with the addresses not delivered or still waiting and the " +
                "mail server's last answer for each.")
            .Produces<LetterReport>().ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Ok<IReadOnlyList<LetterReport>>> ListAsync(LetterService letters, CancellationToken ct) =>
        TypedResults.Ok(await letters.ListAsync(50, ct));

    private static async Task<Results<Ok<LetterReport>, ProblemHttpResult>> ReportAsync(string letter, LetterService letters, CancellationToken ct) =>
        await letters.ReportAsync(letter, ct) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such letter", detail: $"There is no letter '{letter}'.");

    private static Results<Ok<LetterPreview>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>> PreviewAsync(
        LetterInput? input, LetterService letters) =>
        letters.Preview(input ?? new LetterInput(null, null, null)).ToApi(x => x);

    private static async Task<Results<Ok<LetterSent>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> SendAsync(
        LetterInput? input, LetterService letters, ClaimsPrincipal user, CancellationToken ct) =>
        (await letters.SendAsync(input ?? new LetterInput(null, null, null), user, ct)).ToApi(x => x);
}
