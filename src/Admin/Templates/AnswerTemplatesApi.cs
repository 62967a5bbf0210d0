using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using static Hromada.Admin.Templates.AnswerTemplateService;

namespace Hromada.Admin.Templates;

/// <summary><c>/api/admin/consultations/{id}/templates</c>: the consultation's answer templates for justifications.</summary>
public static class AnswerTemplatesApi
{
    public static RouteGroupBuilder MapAnswerTemplatesApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/consultations/{consultationId:int}/templates").WithTags("Answer templates")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapGet("/", ListAsync).WithName("ListAnswerTemplates").WithSummary("The consultation's answer templates, by title.");
        api.MapPost("/", CreateAsync).WithName("CreateAnswerTemplate")
            .WithSummary("Add a template: title, text and optionally the outcome it suits (Accepted, PartiallyAccepted, Rejected).");
        api.MapPut("/{id:int}", EditAsync).WithName("EditAnswerTemplate")
            .WithSummary("Change a template. Send the version you read: a stale one gets 409. Decisions keep their own text.");
        api.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteAnswerTemplate").WithSummary("Remove a template; decisions keep their own text.");
        return admin;
    }

    private static async Task<Results<Ok<IReadOnlyList<TemplateDto>>, NotFound<ProblemDetails>>> ListAsync(
        int consultationId, AnswerTemplateService templates, CancellationToken ct) =>
        await templates.ListAsync(consultationId, ct) is { } all
            ? TypedResults.Ok(all)
            : TypedResults.NotFound(new ProblemDetails
            {
                Status = 404,
                Title = ApiLanguage.Pick("No such consultation", "Такої консультації немає"),
                Detail = ApiLanguage.Pick($"There is no consultation {consultationId}.", $"Консультації {consultationId} немає."),
            });

    private static async Task<Results<Ok<TemplateDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> CreateAsync(
        int consultationId, TemplateInput input, AnswerTemplateService templates, ClaimsPrincipal user, CancellationToken ct) =>
        (await templates.CreateAsync(consultationId, input, user, ct)).ToApi(t => t);

    private static async Task<Results<Ok<TemplateDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> EditAsync(
        int consultationId, int id, TemplateInput input, AnswerTemplateService templates, ClaimsPrincipal user, CancellationToken ct) =>
        (await templates.EditAsync(consultationId, id, input, user, ct)).ToApi(t => t);

    private static async Task<Results<NoContent, NotFound<ProblemDetails>>> DeleteAsync(
        int consultationId, int id, AnswerTemplateService templates, ClaimsPrincipal user, CancellationToken ct)
    {
        var result = await templates.DeleteAsync(consultationId, id, user, ct);
        return result.IsDone ? TypedResults.NoContent() : CommandApiResults.NotFound(result.Failure!);
    }
}
