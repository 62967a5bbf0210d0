using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Announcements;

/// <summary>The communications office: schedule, edit, cancel and list announcements, the delivery report, subscriber counts.</summary>
public static class AnnouncementsApi
{
    public static RouteGroupBuilder MapAnnouncementsApi(this RouteGroupBuilder admin)
    {
        var api = admin.MapGroup("/announcements").WithTags("Announcements").RequireAuthorization(AdminPolicies.Communications);
        api.MapGet("/", ListAsync).WithName("ListAnnouncements")
            .WithSummary("Announcements, the next to go out first, with the resolved send time (local) and delivery counts; filter by status and kind.");
        api.MapGet("/{id:long}", GetAsync).WithName("GetAnnouncement").WithSummary("One announcement.");
        api.MapPost("/", CreateAsync).WithName("CreateAnnouncement")
            .WithSummary("Schedule an announcement: a text, targets, and sendAt (a moment) or rule ({workingDays, after|before: date, at: \"HH:mm\"} in local time). Returns the resolved send time.");
        api.MapPut("/{id:long}", EditAsync).WithName("EditAnnouncement")
            .WithSummary("Change a scheduled announcement (the whole of it; send the version you read). 409 once it is sending or sent.");
        api.MapPost("/{id:long}/cancel", CancelAsync).WithName("CancelAnnouncement")
            .WithSummary("Cancel a scheduled announcement; nothing is sent. 409 once it is sending or sent.");
        api.MapGet("/{id:long}/report", ReportAsync).WithName("AnnouncementDeliveryReport")
            .WithSummary("Delivery per target and status (held = waits for the resident's next message; outsideWindow = Messenger subscribers outside the 24-hour window) and the failed or blocked recipients with the reason.");
        api.MapGet("/{id:long}/card.jpg", CardAsync).WithName("AnnouncementCard")
            .WithSummary("The announcement's picture card (1080 × 1080 JPEG), as Instagram gets it: to preview, or to post by hand.")
            .Produces(StatusCodes.Status200OK, contentType: AnnouncementCards.ContentType);
        api.MapGet("/targets", Targets).WithName("AnnouncementTargets")
            .WithSummary("Every target an announcement may choose (e-mail to authors is sent as a letter, /api/admin/letters), whether it can be used now (and which setting is missing if not), and its text limit.");
        admin.MapGet("/subscribers", SubscribersAsync).WithName("Subscribers").WithTags("Announcements")
            .WithSummary("Residents subscribed to news by channel; for Messenger, how many are inside the 24-hour window now.")
            .RequireAuthorization(AdminPolicies.Communications);
        return admin;
    }

    internal sealed class ListRequest
    {
        [FromQuery] public AnnouncementStatus? Status { get; set; }
        [FromQuery] public AnnouncementKind? Kind { get; set; }
        [FromQuery] public int? Page { get; set; }
        [FromQuery] public int? PageSize { get; set; }
    }

    private static async Task<Results<Ok<PageDto<AnnouncementDto>>, ValidationProblem>> ListAsync(
        [AsParameters] ListRequest request, HromadaDbContext db, NoticeValues notices, CommunityClock clock, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (PageRequest.Read(request.Page, request.PageSize, 50, 200, "оголошень", errors) is not { } page)
        {
            return TypedResults.ValidationProblem(errors.ToApi(), title: ApiLanguage.Pick("The list request is not valid", "Запит списку неправильний"));
        }
        var query = db.Announcements.AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }
        if (request.Kind is { } kind)
        {
            query = query.Where(a => a.Kind == kind);
        }
        var order = (await query.Select(a => new { a.Id, a.Status, a.SendAt }).ToListAsync(ct))
            .InListOrder(a => (a.Id, a.Status, a.SendAt))
            .Select(a => a.Id).ToList();
        var total = order.Count;
        var ids = order.Skip(page.Skip).Take(page.PageSize).ToList();
        var rows = await db.Announcements.AsNoTracking().Include(a => a.Targets).Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var items = ids.Select(id => rows.Single(a => a.Id == id)).ToList();
        var counts = await AnnouncementReports.CountsAsync(db, items, ct);
        var dtos = new List<AnnouncementDto>(items.Count);
        foreach (var a in items)
        {
            dtos.Add(AnnouncementMapping.ToDto(a, clock, counts.GetValueOrDefault(a.Id), await AnnouncementMapping.PreviewAsync(a, notices, ct)));
        }
        return TypedResults.Ok(new PageDto<AnnouncementDto>(dtos, total, page.Page, page.PageSize));
    }

    private static async Task<Results<FileContentHttpResult, NotFound<ProblemDetails>>> CardAsync(
        long id, HromadaDbContext db, AnnouncementCards cards, CancellationToken ct)
    {
        var a = await db.Announcements.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return NotFoundProblem(id);
        }
        return TypedResults.File(await cards.RenderAsync(a, ct), AnnouncementCards.ContentType, AnnouncementCards.FileName(a));
    }

    private static async Task<Results<Ok<AnnouncementDto>, NotFound<ProblemDetails>>> GetAsync(
        long id, HromadaDbContext db, NoticeValues notices, CommunityClock clock, CancellationToken ct)
    {
        var a = await db.Announcements.AsNoTracking().Include(x => x.Targets).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (a is null)
        {
            return NotFoundProblem(id);
        }
        var counts = await AnnouncementReports.CountsAsync(db, [a], ct);
        return TypedResults.Ok(AnnouncementMapping.ToDto(a, clock, counts.GetValueOrDefault(id), await AnnouncementMapping.PreviewAsync(a, notices, ct)));
    }

    private static async Task<Results<Created<AnnouncementDto>, ValidationProblem>> CreateAsync(
        AnnouncementInput input, AnnouncementService service, CommunityClock clock, HttpContext http, CancellationToken ct)
    {
        var result = await service.CreateAsync(input, http.User.ActorName(), ct);
        if (result.Errors is { } errors)
        {
            return Invalid(errors);
        }
        var a = result.Announcement!;
        return TypedResults.Created($"/api/admin/announcements/{a.Id}", AnnouncementMapping.ToDto(a, clock, null));
    }

    private static async Task<Results<Ok<AnnouncementDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> EditAsync(
        long id, AnnouncementInput input, AnnouncementService service, CommunityClock clock, HttpContext http, CancellationToken ct) =>
        Map(id, await service.EditAsync(id, input, http.User.ActorName(), ct), clock);

    private static async Task<Results<Ok<AnnouncementDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> CancelAsync(
        long id, AnnouncementService service, CommunityClock clock, HttpContext http, CancellationToken ct) =>
        Map(id, await service.CancelAsync(id, http.User.ActorName(), ct), clock);

    private static async Task<Results<Ok<DeliveryReportDto>, NotFound<ProblemDetails>>> ReportAsync(
        long id, HromadaDbContext db, CommunityClock clock, CancellationToken ct)
    {
        var a = await db.Announcements.AsNoTracking().Include(x => x.Targets).SingleOrDefaultAsync(x => x.Id == id, ct);
        return a is null ? NotFoundProblem(id) : TypedResults.Ok(await AnnouncementReports.ReportAsync(db, a, clock, ct));
    }

    private static Ok<List<TargetInfoDto>> Targets(AnnouncementChannels channels) =>
        TypedResults.Ok(AnnouncementTargets.ForAnnouncements.Select(t => channels.Unavailable(t) is { } why
            ? new TargetInfoDto(t, false, ApiLanguage.Pick(why.English, why.Ukrainian), AnnouncementTargets.MaxLength(t))
            : new TargetInfoDto(t, true, null, AnnouncementTargets.MaxLength(t))).ToList());

    private static async Task<Ok<SubscribersDto>> SubscribersAsync(HromadaDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await AnnouncementReports.SubscribersAsync(db, time, ct));

    private static Results<Ok<AnnouncementDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>> Map(
        long id, AnnouncementResult result, CommunityClock clock)
    {
        if (result.NotFound)
        {
            return NotFoundProblem(id);
        }
        if (result.Errors is { } errors)
        {
            return Invalid(errors);
        }
        if (result.Conflict is { } conflict)
        {
            return TypedResults.Conflict(new ProblemDetails { Status = 409, Title = ApiLanguage.Pick("The announcement can no longer be changed", "Оголошення вже не можна змінити"), Detail = conflict });
        }
        return TypedResults.Ok(AnnouncementMapping.ToDto(result.Announcement!, clock, null));
    }

    private static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToApi(), title: ApiLanguage.Pick("The announcement is not valid", "Оголошення неправильне"));

    private static NotFound<ProblemDetails> NotFoundProblem(long id) =>
        TypedResults.NotFound(new ProblemDetails
        {
            Status = 404,
            Title = ApiLanguage.Pick("No such announcement", "Такого оголошення немає"),
            Detail = ApiLanguage.Pick($"There is no announcement {id}.", $"Оголошення {id} немає."),
        });
}
