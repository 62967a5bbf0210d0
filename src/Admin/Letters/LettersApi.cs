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

/// <summary>
/// Letters to groups: check a letter and who gets it, then send it — to a pasted list of e-mail addresses (one e-mail
/// each), to the authors of a category (their e-mail addresses, found on the server) or to the subscribers of a
/// settlement (in their chats); the last two are announcements sent at once.
/// </summary>
public static class LettersApi
{
    public static RouteGroupBuilder MapLettersApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/letters").WithTags("Letters").RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPost("/preview", PreviewAsync).WithName("PreviewLetter")
            .WithSummary("Check a letter and who gets it. Give one of: addresses (a pasted list: which will get it, each checked, repeats once, " +
                "and which are not addresses), authorCategory (an author category's code: how many of its authors left an e-mail address, " +
                "each address once, erased authors left out — the count only, never the addresses) or settlement (a settlement's code: how " +
                "many subscribers who live there, by chat). Nothing is stored or sent.");
        api.MapPost("/", SendAsync).WithName("SendLetter")
            .WithSummary("Send a letter: to a list of addresses, each its own e-mail through the e-mail outbox; to the authors of a category " +
                "(announcement target AuthorEmails) or the subscribers of a settlement (the subscriber targets, filtered by settlement) as an " +
                "announcement sent at once (announcementId in the answer). Audited (subject, text, the group and the number of recipients, " +
                "not the addresses). 409 when e-mail is off and the letter goes by e-mail.");
        api.MapGet("/", ListAsync).WithName("ListLetters")
            .WithSummary("The latest 50 letters, newest first, each with its delivery: recipients, delivered (the mail server accepted it), waiting " +
                "(queued or being retried), notDelivered (given up or refused) and noLongerKnown (the outbox record was deleted by its retention); " +
                "audience says who it went to, announcementId the announcement that sent a letter to a group.");
        api.MapGet("/{letter}", ReportAsync).WithName("LetterReport")
            .WithSummary("One letter's delivery (letter: the key the send returned), with the addresses not delivered or still waiting and the " +
                "mail server's last answer for each (for a letter to a group: no address, and any address in the answer hidden).")
            .Produces<LetterReport>().ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Ok<IReadOnlyList<LetterReport>>> ListAsync(LetterService letters, CancellationToken ct) =>
        TypedResults.Ok(await letters.ListAsync(50, ct));

    private static async Task<Results<Ok<LetterReport>, ProblemHttpResult>> ReportAsync(string letter, LetterService letters, CancellationToken ct) =>
        await letters.ReportAsync(letter, ct) is { } report
            ? TypedResults.Ok(report)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such letter", detail: $"There is no letter '{letter}'.");

    private static async Task<Results<Ok<LetterPreview>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> PreviewAsync(
        LetterInput? input, LetterService letters, CancellationToken ct) =>
        (await letters.PreviewAsync(input ?? new LetterInput(null, null, null), ct)).ToApi(x => x);

    private static async Task<Results<Ok<LetterSent>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> SendAsync(
        LetterInput? input, LetterService letters, ClaimsPrincipal user, CancellationToken ct) =>
        (await letters.SendAsync(input ?? new LetterInput(null, null, null), user, ct)).ToApi(x => x);
}
