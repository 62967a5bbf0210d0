using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Admin.Meetings;

/// <summary>The working group's meetings and their protocols (DOCX).</summary>
public static class MeetingsApi
{
    public const string DocxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    internal static IServiceCollection AddMeetingServices(this IServiceCollection services)
    {
        services.AddScoped<MeetingService>();
        services.AddScoped<ProtocolDocument>();
        return services;
    }

    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/meetings").WithTags("Meetings").RequireAuthorization(AdminPolicies.WorkingGroup);
        api.MapGet("/", ListAsync).WithName("ListMeetings")
            .WithSummary("Meetings of the working group, the latest first; consultation: only that consultation's.");
        api.MapPost("/", CreateAsync).WithName("RecordMeeting")
            .WithSummary("Records a meeting: protocol number and date, time (HH:mm), place, chair, secretary, members present and absent, invited " +
                         "persons, the agenda (each item: kind General/Sufficiency/Decisions, title, heard, decision, votes for/against/abstained — " +
                         "at most the members present), and the sufficiency decision (Sufficient or Extend, the reasons for low activity, the measures " +
                         "by code, other measures, and newDeadline to extend collection at this meeting). Quorum: more than half of the members present.");
        api.MapGet("/{id:int}", GetAsync).WithName("GetMeeting")
            .WithSummary("One meeting with its quorum, agenda, sufficiency decision (and the extension made at it) and the proposals decided at it " +
                         "(their decision carries the meeting's protocol number and date).");
        api.MapPut("/{id:int}", UpdateAsync).WithName("ChangeMeeting")
            .WithSummary("Changes a meeting (the whole of it, with the version you read; a stale one gets 409). An extension made at the meeting stays.");
        api.MapGet("/{id:int}/protocol.docx", ProtocolAsync).WithName("MeetingProtocol")
            .WithSummary("The meeting's protocol as a Word document in the procedure's form, pre-filled for the secretary to finish and sign.")
            .Produces(StatusCodes.Status200OK, contentType: DocxType).ProducesProblem(StatusCodes.Status404NotFound);
        return admin;
    }

    private static async Task<Ok<IReadOnlyList<MeetingSummaryDto>>> ListAsync(int? consultation, MeetingService meetings, CancellationToken ct) =>
        TypedResults.Ok(await meetings.ListAsync(consultation, ct));

    private static async Task<Results<Ok<MeetingDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> CreateAsync(
        MeetingInput input, MeetingService meetings, ClaimsPrincipal user, CancellationToken ct) =>
        (await meetings.CreateAsync(input, user, ct)).ToApi(m => m);

    private static async Task<Results<Ok<MeetingDto>, NotFound<ProblemDetails>>> GetAsync(int id, MeetingService meetings, CancellationToken ct) =>
        await meetings.GetAsync(id, ct) is { } m ? TypedResults.Ok(m) : NotFound(id);

    private static async Task<Results<Ok<MeetingDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> UpdateAsync(
        int id, MeetingInput input, MeetingService meetings, ClaimsPrincipal user, CancellationToken ct) =>
        (await meetings.UpdateAsync(id, input, user, ct)).ToApi(m => m);

    internal static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> ProtocolAsync(int id, ProtocolDocument protocols, CancellationToken ct) =>
        await protocols.BuildAsync(id, ct) is { } file ? TypedResults.File(file.Docx, DocxType, file.FileName) : NotFound(id);

    private static NotFound<ProblemDetails> NotFound(int id) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound,
            Title = ApiLanguage.Pick("No such meeting", "Такого засідання немає"),
            Detail = ApiLanguage.Pick($"There is no meeting {id}.", $"Засідання {id} немає."),
        });
}
