using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Proposals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Hromada.Admin.Reviews;

/// <summary>Routing proposals to review bodies with a due date, and the bodies' positions.</summary>
public static class ReviewsApi
{
    public static RouteGroupBuilder MapReviewsApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/proposals").WithTags("Review");
        api.MapPost("/{reference}/routes", RouteAsync).WithName("RouteProposal")
            .WithSummary("Route to one or more review bodies (codes) with a due date. Send the version you read: a stale one gets 409.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPost("/bulk/routes", RouteManyAsync).WithName("RouteProposals")
            .WithSummary("Route a list of references to the same bodies with the same due date.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPut("/{reference}/routes/{reviewBody}/position", PositionAsync).WithName("RecordPosition")
            .WithSummary("A review body's position (Support, Partial, Reject) with its justification. A Reviewer key may record only its own body's position; any other route is 404 to it.")
            .RequireAuthorization(AdminPolicies.Review);
        admin.MapPost("/routing/by-sphere", BySphereAsync).WithTags("Review").WithName("RouteBySphere")
            .WithSummary("Routes every proposal of a consultation that is not yet routed to the review bodies whose configured spheres include its " +
                         "sphere, all with one due date (default: Hromada:Review:DueWorkingDays working days from today). consultation: its id " +
                         "(default: the most recently opened one); dryRun: true only shows the plan (by body, and the spheres no body reviews); " +
                         "references: only these (as previewed). Proposals routed or decided meanwhile are skipped.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        var bodies = admin.MapGroup("/review-bodies").WithTags("Review").RequireAuthorization(AdminPolicies.WorkingGroup);
        bodies.MapGet("/", ListBodiesAsync).WithName("ReviewBodyContacts")
            .WithSummary("The review bodies with their contacts (a Telegram chat, e-mail addresses), whether each can be told " +
                         "(reachable: it has a Telegram chat), its open routes and how many of them it was not told of.");
        bodies.MapPut("/{code}/contacts", SaveContactsAsync).WithName("SetReviewBodyContacts")
            .WithSummary("Sets a body's contacts: telegramChat (a numeric chat id, a group's negative, or @channel; empty for none) and emails. " +
                         "From then on configuration no longer overwrites them. Routes the body was not told of are told at once.");
        return admin;
    }

    private static async Task<Ok<IReadOnlyList<ReviewBodyContacts.BodyContacts>>> ListBodiesAsync(ReviewBodyContacts contacts, CancellationToken ct) =>
        TypedResults.Ok(await contacts.ListAsync(ct));

    private static async Task<Results<Ok<ReviewBodyContacts.BodyContacts>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> SaveContactsAsync(
        string code, ReviewBodyContacts.ContactsInput input, ReviewBodyContacts contacts, ClaimsPrincipal user, CancellationToken ct) =>
        (await contacts.SaveAsync(code, input, user.ActorName(), ct)).ToApi(r => r);

    private static async Task<Results<Ok<SphereRouting.Result>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> BySphereAsync(
        SphereRouting.Input input, SphereRouting routing, ClaimsPrincipal user, CancellationToken ct) =>
        (await routing.RouteAsync(input, user, ct)).ToApi(r => r);

    private static async Task<Results<Ok<ReviewService.RouteResult>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> RouteAsync(
        string reference, ReviewService.RouteInput input, ReviewService reviews, ClaimsPrincipal user, CancellationToken ct) =>
        (await reviews.RouteAsync(reference, input, user, ct)).ToApi(r => r);

    private static async Task<Results<Ok<BulkResult>, ValidationProblem>> RouteManyAsync(
        ReviewService.BulkRouteInput input, ReviewService reviews, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await reviews.RouteManyAsync(input, user, ct);
        return result.IsDone ? TypedResults.Ok(result.Value) : CommandApiResults.Validation(result.Failure!);
    }

    private static async Task<Results<Ok<RouteDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> PositionAsync(
        string reference, string reviewBody, ReviewService.PositionInput input, ReviewService reviews, ClaimsPrincipal user, CancellationToken ct) =>
        (await reviews.RecordPositionAsync(reference, reviewBody, input, user, ct)).ToApi(r => r);
}
