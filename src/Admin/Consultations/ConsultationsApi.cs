using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static Hromada.Admin.Consultations.ConsultationService;

namespace Hromada.Admin.Consultations;

/// <summary>Consultations: list, create, edit, extend (with the decision that extended it), close, reopen.</summary>
public static class ConsultationsApi
{
    public static RouteGroupBuilder MapConsultationsApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/consultations").WithTags("Consultations");
        api.MapGet("/", ListAsync).WithName("ListConsultations").WithSummary("All consultations with their extensions.")
            .RequireAuthorization(AdminPolicies.Review);
        api.MapGet("/{id:int}", GetAsync).WithName("GetConsultation").WithSummary("One consultation with its extension history.")
            .RequireAuthorization(AdminPolicies.Review);
        api.MapPost("/", CreateAsync).WithName("CreateConsultation").WithSummary("Open a new collection of proposals.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPut("/{id:int}", EditAsync).WithName("EditConsultation").WithSummary("Change title, opening or deadline.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPost("/{id:int}/extend", ExtendAsync).WithName("ExtendConsultation")
            .WithSummary("Move the deadline later, with the reason and the protocol that decided it (kept as history).")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPost("/{id:int}/close", CloseAsync).WithName("CloseConsultation").WithSummary("Stop accepting proposals.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapPost("/{id:int}/reopen", ReopenAsync).WithName("ReopenConsultation").WithSummary("Accept proposals again.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        return admin;
    }

    private static async Task<Ok<List<ConsultationDto>>> ListAsync(ConsultationService consultations, CancellationToken ct) =>
        TypedResults.Ok(await consultations.ListAsync(ct));

    private static async Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>>> GetAsync(int id, ConsultationService consultations, CancellationToken ct) =>
        await consultations.GetAsync(id, ct) is { } c
            ? TypedResults.Ok(c)
            : TypedResults.NotFound(new ProblemDetails
            {
                Status = 404,
                Title = ApiLanguage.Pick("No such consultation", "Такої консультації немає"),
                Detail = ApiLanguage.Pick($"There is no consultation {id}.", $"Консультації {id} немає."),
            });

    private static async Task<Results<Created<ConsultationDto>, ValidationProblem>> CreateAsync(
        ConsultationInput input, ConsultationService consultations, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await consultations.CreateAsync(input, user, ct);
        return result.IsDone
            ? TypedResults.Created($"/api/admin/consultations/{result.Value!.Id}", result.Value)
            : CommandApiResults.Validation(result.Failure!);
    }

    private static async Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> EditAsync(
        int id, ConsultationInput input, ConsultationService consultations, ClaimsPrincipal user, CancellationToken ct) =>
        (await consultations.EditAsync(id, input, user, ct)).ToApi(c => c);

    private static async Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> ExtendAsync(
        int id, ExtendInput input, ConsultationService consultations, ClaimsPrincipal user, CancellationToken ct) =>
        (await consultations.ExtendAsync(id, input, user, ct)).ToApi(c => c);

    private static async Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> CloseAsync(
        int id, ConsultationService consultations, ClaimsPrincipal user, CancellationToken ct) =>
        (await consultations.SetClosedAsync(id, close: true, user, ct)).ToApi(c => c);

    private static async Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> ReopenAsync(
        int id, ConsultationService consultations, ClaimsPrincipal user, CancellationToken ct) =>
        (await consultations.SetClosedAsync(id, close: false, user, ct)).ToApi(c => c);
}
