using System.Globalization;
using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Announcements;
using Hromada.Core.Audit;
using Hromada.Core.Consultations;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Consultations;

/// <summary>
/// Consultations: list, create, edit, extend (with the decision that extended it), close, reopen — each audited, and
/// each followed at once by the automatic notices it calls for (an extension schedules its own).
/// </summary>
public sealed class ConsultationService(HromadaDbContext db, AuditLog audit, ConsultationNotices notices, TimeProvider time)
{
    public const int TitleMaxLength = 500, ReasonMaxLength = 2000, ProtocolNumberMaxLength = 100;

    public sealed record ConsultationDto(
        int Id, string Title, DateTimeOffset OpensAt, DateTimeOffset Deadline, DateTimeOffset? ClosedAt, bool IsAccepting,
        int Version, IReadOnlyList<ExtensionDto> Extensions, bool ResultsPublic = false);

    public sealed record ExtensionDto(
        DateTimeOffset PreviousDeadline, DateTimeOffset NewDeadline, string Reason, string ProtocolNumber, DateOnly ProtocolDate,
        DateTimeOffset CreatedAt, string CreatedBy, int? Meeting = null);

    public sealed record ConsultationInput(string? Title, DateTimeOffset? OpensAt, DateTimeOffset? Deadline, int? Version = null);

    public sealed record ExtendInput(DateTimeOffset? NewDeadline, string? Reason, string? ProtocolNumber, DateOnly? ProtocolDate, int? Version = null);

    public async Task<List<ConsultationDto>> ListAsync(CancellationToken ct)
    {
        var all = await db.Consultations.AsNoTracking().Include(c => c.Extensions).OrderByDescending(c => c.OpensAt).ToListAsync(ct);
        return all.Select(ToDto).ToList();
    }

    public async Task<ConsultationDto?> GetAsync(int id, CancellationToken ct)
    {
        var c = await db.Consultations.AsNoTracking().Include(x => x.Extensions).SingleOrDefaultAsync(x => x.Id == id, ct);
        return c is null ? null : ToDto(c);
    }

    public async Task<CommandResult<ConsultationDto>> CreateAsync(ConsultationInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Validate(input) is { } problem)
        {
            return problem;
        }
        var c = new Consultation { Title = input.Title!.Trim(), OpensAt = input.OpensAt!.Value, Deadline = input.Deadline!.Value, CreatedAt = time.GetUtcNow() };
        db.Consultations.Add(c);
        await db.SaveChangesAsync(ct);
        audit.Record(user.ActorName(), Key(c), new ConsultationCreated(State(c)));
        await db.SaveChangesAsync(ct);
        await notices.PlanAsync(c.Id, ct);
        return CommandResult.Done(ToDto(c));
    }

    public async Task<CommandResult<ConsultationDto>> EditAsync(int id, ConsultationInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Validate(input) is { } problem)
        {
            return problem;
        }
        var c = await LoadAsync(id, ct);
        if (c is null)
        {
            return NotFound(id);
        }
        if (input.Version is { } v && v != c.Version)
        {
            return Stale(c.Version);
        }
        var before = State(c);
        c.Title = input.Title!.Trim();
        c.OpensAt = input.OpensAt!.Value;
        c.Deadline = input.Deadline!.Value;
        audit.Record(user.ActorName(), Key(c), new ConsultationEdited(before, State(c)));
        return await SaveAsync(c, ct);
    }

    public Task<CommandResult<ConsultationDto>> ExtendAsync(int id, ExtendInput input, ClaimsPrincipal user, CancellationToken ct) =>
        ExtendAsync(id, input, user, null, ct);

    /// <summary>Extends the deadline; <paramref name="meetingId"/> links the extension to the meeting that decided it.</summary>
    internal async Task<CommandResult<ConsultationDto>> ExtendAsync(int id, ExtendInput input, ClaimsPrincipal user, int? meetingId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var c = await LoadAsync(id, ct);
        if (c is null)
        {
            return NotFound(id);
        }
        var errors = new FieldErrors();
        if (input.NewDeadline is null)
        {
            errors.Add("newDeadline", "The new deadline is required.", "Вкажіть новий строк.");
        }
        else if (input.NewDeadline <= c.Deadline)
        {
            errors.Add("newDeadline", "The new deadline must be later than the current one.", "Новий строк має бути пізнішим за чинний.");
        }
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add("reason", "The reason may not be empty.", "Вкажіть причину продовження.");
        }
        else if (input.Reason.Trim().Length > ReasonMaxLength)
        {
            errors.Add("reason", $"The reason may be at most {ReasonMaxLength} characters long.", $"Причина — не довше {ReasonMaxLength} символів.");
        }
        CheckProtocolNumber(input.ProtocolNumber, errors);
        if (input.ProtocolDate is null || input.ProtocolDate == default(DateOnly))
        {
            errors.Add("protocolDate", "The protocol date is required.", "Вкажіть дату протоколу.");
        }
        if (errors.Any)
        {
            return CommandFailure.Invalid("The extension is incomplete", "Продовження неповне", errors);
        }
        if (input.Version is { } v && v != c.Version)
        {
            return Stale(c.Version);
        }

        var extension = new ConsultationExtension
        {
            PreviousDeadline = c.Deadline,
            NewDeadline = input.NewDeadline!.Value,
            Reason = input.Reason!.Trim(),
            ProtocolNumber = input.ProtocolNumber!.Trim(),
            ProtocolDate = input.ProtocolDate!.Value,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = user.ActorName(),
            MeetingId = meetingId,
        };
        c.Extensions.Add(extension);
        audit.Record(extension.CreatedBy, Key(c), new ConsultationExtended(new DeadlineState(c.Deadline),
            new ExtensionState(extension.NewDeadline, extension.Reason, extension.ProtocolNumber, extension.ProtocolDate)));
        c.Deadline = extension.NewDeadline;
        return await SaveAsync(c, ct);
    }

    /// <summary>Stops (<paramref name="close"/>) or resumes accepting proposals.</summary>
    public async Task<CommandResult<ConsultationDto>> SetClosedAsync(int id, bool close, ClaimsPrincipal user, CancellationToken ct)
    {
        var c = await LoadAsync(id, ct);
        if (c is null)
        {
            return NotFound(id);
        }
        var before = new ClosureState(c.ClosedAt);
        c.ClosedAt = close ? c.ClosedAt ?? time.GetUtcNow() : null;
        audit.Record(user.ActorName(), Key(c), new ConsultationClosure(before, new ClosureState(c.ClosedAt)));
        return await SaveAsync(c, ct);
    }

    private Task<Consultation?> LoadAsync(int id, CancellationToken ct) =>
        db.Consultations.Include(x => x.Extensions).SingleOrDefaultAsync(x => x.Id == id, ct);

    private async Task<CommandResult<ConsultationDto>> SaveAsync(Consultation c, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(null);
        }
        // The automatic notices follow the change at once: an extension schedules its own notice.
        await notices.PlanAsync(c.Id, ct);
        return CommandResult.Done(ToDto(c));
    }

    private ConsultationDto ToDto(Consultation c) => new(
        c.Id, c.Title, c.OpensAt, c.Deadline, c.ClosedAt, c.IsAccepting(time.GetUtcNow()), c.Version,
        c.Extensions.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).Select(e => new ExtensionDto(
            e.PreviousDeadline, e.NewDeadline, e.Reason, e.ProtocolNumber, e.ProtocolDate, e.CreatedAt, e.CreatedBy, e.MeetingId)).ToList(),
        c.ResultsPublic);

    private static CommandFailure? Validate(ConsultationInput input)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add("title", "The title may not be empty.", "Вкажіть назву консультації.");
        }
        else if (input.Title.Trim().Length > TitleMaxLength)
        {
            errors.Add("title", $"The title may be at most {TitleMaxLength} characters long.", $"Назва — не довше {TitleMaxLength} символів.");
        }
        if (input.OpensAt is null)
        {
            errors.Add("opensAt", "The opening is required.", "Вкажіть, коли починається збір пропозицій.");
        }
        if (input.Deadline is null)
        {
            errors.Add("deadline", "The deadline is required.", "Вкажіть кінцевий строк.");
        }
        else if (input.OpensAt is { } opens && input.Deadline <= opens)
        {
            errors.Add("deadline", "The deadline must be after the opening.", "Кінцевий строк має бути пізнішим за початок.");
        }
        return errors.Any ? CommandFailure.Invalid("The consultation is not valid", "Консультація неправильна", errors) : null;
    }

    private static void CheckProtocolNumber(string? number, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            errors.Add("protocolNumber", "The protocol number may not be empty.", "Вкажіть номер протоколу.");
        }
        else if (number.Trim().Length > ProtocolNumberMaxLength)
        {
            errors.Add("protocolNumber", $"The protocol number may be at most {ProtocolNumberMaxLength} characters long.",
                $"Номер протоколу — не довше {ProtocolNumberMaxLength} символів.");
        }
    }

    private static ConsultationState State(Consultation c) => new(c.Title, c.OpensAt, c.Deadline);

    private static string Key(Consultation c) => c.Id.ToString(CultureInfo.InvariantCulture);

    private static CommandFailure NotFound(int id) => CommandFailure.NotFound("No such consultation", "Такої консультації немає",
        $"There is no consultation {id}.", $"Консультації {id} немає.");

    private static CommandFailure Stale(int? current) => CommandFailure.Conflict("Someone else changed this consultation", "Хтось інший змінив цю консультацію",
        "Re-read it and apply your change again." + (current is null ? "" : $" Current version: {current}."),
        "Прочитайте її знову й повторіть свою зміну." + (current is null ? "" : $" Поточна версія: {current}."));
}
