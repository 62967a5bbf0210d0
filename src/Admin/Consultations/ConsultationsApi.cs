using System.ComponentModel.DataAnnotations;
using Hromada.Admin.Auth;
using Hromada.Core.Announcements;
using Hromada.Core.Audit;
using Hromada.Core.Consultations;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

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

    public sealed record ConsultationDto(
        int Id, string Title, DateTimeOffset OpensAt, DateTimeOffset Deadline, DateTimeOffset? ClosedAt, bool IsAccepting,
        int Version, IReadOnlyList<ExtensionDto> Extensions);

    public sealed record ExtensionDto(
        DateTimeOffset PreviousDeadline, DateTimeOffset NewDeadline, string Reason, string ProtocolNumber, DateOnly ProtocolDate,
        DateTimeOffset CreatedAt, string CreatedBy);

    public sealed record ConsultationInput(
        [property: Required, StringLength(500, MinimumLength = 3)] string Title,
        DateTimeOffset OpensAt,
        DateTimeOffset Deadline,
        int? Version = null);

    public sealed record ExtendInput(
        DateTimeOffset NewDeadline,
        [property: Required] string Reason,
        [property: Required] string ProtocolNumber,
        DateOnly ProtocolDate);

    private static ConsultationDto ToDto(Consultation c, DateTimeOffset now) => new(
        c.Id, c.Title, c.OpensAt, c.Deadline, c.ClosedAt, c.IsAccepting(now), c.Version,
        c.Extensions.OrderBy(e => e.CreatedAt).Select(e => new ExtensionDto(
            e.PreviousDeadline, e.NewDeadline, e.Reason, e.ProtocolNumber, e.ProtocolDate, e.CreatedAt, e.CreatedBy)).ToList());

    private static async Task<Ok<List<ConsultationDto>>> ListAsync(HromadaDbContext db, TimeProvider time, CancellationToken ct)
    {
        var all = await db.Consultations.AsNoTracking().Include(c => c.Extensions).OrderByDescending(c => c.OpensAt).ToListAsync(ct);
        return TypedResults.Ok(all.Select(c => ToDto(c, time.GetUtcNow())).ToList());
    }

    private static async Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>>> GetAsync(
        int id, HromadaDbContext db, TimeProvider time, CancellationToken ct)
    {
        var c = await db.Consultations.AsNoTracking().Include(x => x.Extensions).SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? NotFoundProblem(id) : TypedResults.Ok(ToDto(c, time.GetUtcNow()));
    }

    private static async Task<Results<Created<ConsultationDto>, ValidationProblem>> CreateAsync(
        ConsultationInput input, HromadaDbContext db, AuditLog audit, ConsultationNotices notices, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (Validate(input) is { } problem)
        {
            return problem;
        }
        var c = new Consultation { Title = input.Title.Trim(), OpensAt = input.OpensAt, Deadline = input.Deadline, CreatedAt = time.GetUtcNow() };
        db.Consultations.Add(c);
        await db.SaveChangesAsync(ct);
        audit.Record(http.User.ActorName(), "Consultation", c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "Created", null,
            new { c.Title, c.OpensAt, c.Deadline });
        await db.SaveChangesAsync(ct);
        await notices.PlanAsync(c.Id, ct);
        return TypedResults.Created($"/api/admin/consultations/{c.Id}", ToDto(c, time.GetUtcNow()));
    }

    private static async Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> EditAsync(
        int id, ConsultationInput input, HromadaDbContext db, AuditLog audit, ConsultationNotices notices, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        if (Validate(input) is { } problem)
        {
            return problem;
        }
        var c = await db.Consultations.Include(x => x.Extensions).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return NotFoundProblem(id);
        }
        if (input.Version is { } v && v != c.Version)
        {
            return StaleProblem(c.Version);
        }
        var before = new { c.Title, c.OpensAt, c.Deadline };
        c.Title = input.Title.Trim();
        c.OpensAt = input.OpensAt;
        c.Deadline = input.Deadline;
        audit.Record(http.User.ActorName(), "Consultation", Key(c), "Edited", before, new { c.Title, c.OpensAt, c.Deadline });
        return await SaveAsync(db, c, notices, time, ct);
    }

    private static async Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> ExtendAsync(
        int id, ExtendInput input, HromadaDbContext db, AuditLog audit, ConsultationNotices notices, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var c = await db.Consultations.Include(x => x.Extensions).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return NotFoundProblem(id);
        }
        var errors = new Dictionary<string, string[]>();
        if (input.NewDeadline <= c.Deadline)
        {
            errors["newDeadline"] = ["The new deadline must be later than the current one."];
        }
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors["reason"] = ["The reason may not be empty."];
        }
        if (string.IsNullOrWhiteSpace(input.ProtocolNumber))
        {
            errors["protocolNumber"] = ["The protocol number may not be empty."];
        }
        if (input.ProtocolDate == default)
        {
            errors["protocolDate"] = ["The protocol date is required."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The extension is incomplete");
        }

        var extension = new ConsultationExtension
        {
            PreviousDeadline = c.Deadline,
            NewDeadline = input.NewDeadline,
            Reason = input.Reason.Trim(),
            ProtocolNumber = input.ProtocolNumber.Trim(),
            ProtocolDate = input.ProtocolDate,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = http.User.ActorName(),
        };
        c.Extensions.Add(extension);
        audit.Record(extension.CreatedBy, "Consultation", Key(c), "Extended", new { c.Deadline },
            new { Deadline = input.NewDeadline, extension.Reason, extension.ProtocolNumber, extension.ProtocolDate });
        c.Deadline = input.NewDeadline;
        return await SaveAsync(db, c, notices, time, ct);
    }

    private static Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> CloseAsync(
        int id, HromadaDbContext db, AuditLog audit, ConsultationNotices notices, TimeProvider time, HttpContext http, CancellationToken ct) =>
        SetClosedAsync(id, close: true, db, audit, notices, time, http, ct);

    private static Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> ReopenAsync(
        int id, HromadaDbContext db, AuditLog audit, ConsultationNotices notices, TimeProvider time, HttpContext http, CancellationToken ct) =>
        SetClosedAsync(id, close: false, db, audit, notices, time, http, ct);

    private static async Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> SetClosedAsync(
        int id, bool close, HromadaDbContext db, AuditLog audit, ConsultationNotices notices, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var c = await db.Consultations.Include(x => x.Extensions).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return NotFoundProblem(id);
        }
        var before = new { c.ClosedAt };
        c.ClosedAt = close ? c.ClosedAt ?? time.GetUtcNow() : null;
        audit.Record(http.User.ActorName(), "Consultation", Key(c), close ? "Closed" : "Reopened", before, new { c.ClosedAt });
        return await SaveAsync(db, c, notices, time, ct);
    }

    private static async Task<Results<Ok<ConsultationDto>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> SaveAsync(
        HromadaDbContext db, Consultation c, ConsultationNotices notices, TimeProvider time, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StaleProblem(null);
        }
        // The automatic notices follow the change at once: an extension schedules its own notice.
        await notices.PlanAsync(c.Id, ct);
        return TypedResults.Ok(ToDto(c, time.GetUtcNow()));
    }

    private static ValidationProblem? Validate(ConsultationInput input)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors["title"] = ["The title may not be empty."];
        }
        if (input.Deadline <= input.OpensAt)
        {
            errors["deadline"] = ["The deadline must be after the opening."];
        }
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors, title: "The consultation is not valid") : null;
    }

    private static string Key(Consultation c) => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static NotFound<ProblemDetails> NotFoundProblem(int id) =>
        TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "No such consultation", Detail = $"There is no consultation {id}." });

    private static Conflict<ProblemDetails> StaleProblem(int? current) => TypedResults.Conflict(new ProblemDetails
    {
        Status = 409,
        Title = "Someone else changed this consultation",
        Detail = "Re-read it and apply your change again." + (current is null ? "" : $" Current version: {current}."),
    });
}
