using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Hromada.Admin.Audit;

/// <summary>The audit trail for Admin keys: every change, who made it and when, newest first.</summary>
public static class AuditTrailApi
{
    public static RouteGroupBuilder MapAuditTrailApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/audit", ListAsync).WithName("AuditTrail").WithTags("Audit trail")
            .WithSummary("Every recorded change, newest first: who (key name, resident:<channel> or system), when, what (entityType and entityKey), " +
                "the action, the typed event's kind and version (null/0 for entries from before the events were typed) and the state before and after. " +
                "Filter by entityType (Proposal, Consultation, AnswerTemplate, Meeting, Announcement, Letter, ApiKey, ReviewBody, Export), entityKey and actor; paged (page, pageSize ≤ 200).")
            .RequireAuthorization(AdminPolicies.Admin);
        return admin;
    }

    internal sealed class ListRequest
    {
        [FromQuery] public string? EntityType { get; set; }
        [FromQuery] public string? EntityKey { get; set; }
        [FromQuery] public string? Actor { get; set; }
        [FromQuery] public int? Page { get; set; }
        [FromQuery] public int? PageSize { get; set; }
    }

    private static async Task<Results<Ok<PageDto<AuditEntryDto>>, ValidationProblem>> ListAsync(
        [AsParameters] ListRequest request, AuditTrail trail, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var page = PageRequest.Read(request.Page, request.PageSize, AuditTrail.DefaultPageSize, AuditTrail.MaxPageSize, "записів", errors);
        if (!string.IsNullOrWhiteSpace(request.EntityType) && !AuditTrail.EntityTypes.ContainsKey(request.EntityType.Trim()))
        {
            errors.Add("entityType", $"entityType must be one of: {string.Join(", ", AuditTrail.EntityTypes.Keys)}.",
                $"Такого розділу журналу немає; можливі: {string.Join(", ", AuditTrail.EntityTypes.Keys)}.");
        }
        if (page is null || errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToApi(), title: ApiLanguage.Pick("The audit trail request is not valid", "Запит журналу дій неправильний"));
        }
        var found = await trail.ListAsync(new AuditFilter(request.EntityType, request.EntityKey, request.Actor), page.Value, ct);
        return TypedResults.Ok(new PageDto<AuditEntryDto>(found.Items.Select(AuditTrail.ToDto).ToList(), found.Total, found.Page, found.PageSize));
    }
}
