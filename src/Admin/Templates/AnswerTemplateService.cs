using System.Globalization;
using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Audit;
using Hromada.Core.Consultations;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Templates;

/// <summary>Answer templates for decisions' justifications, kept per consultation: list, add, edit, remove — each audited.</summary>
public sealed class AnswerTemplateService(HromadaDbContext db, AuditLog audit, TimeProvider time)
{
    public const int TitleMaxLength = 200, TextMaxLength = 10000;

    public sealed record TemplateDto(int Id, int ConsultationId, string Title, DecisionOutcome? Outcome, string Text, int Version, DateTimeOffset? UpdatedAt, string? UpdatedBy);

    public sealed record TemplateInput(string? Title, DecisionOutcome? Outcome, string? Text, int? Version = null);

    public async Task<IReadOnlyList<TemplateDto>?> ListAsync(int consultationId, CancellationToken ct)
    {
        if (!await db.Consultations.AnyAsync(c => c.Id == consultationId, ct))
        {
            return null;
        }
        var all = await db.AnswerTemplates.AsNoTracking().Where(t => t.ConsultationId == consultationId).ToListAsync(ct);
        return all.OrderBy(t => t.Title, StringComparer.Create(Ukrainian.Culture, ignoreCase: true)).Select(ToDto).ToList();
    }

    public async Task<CommandResult<TemplateDto>> CreateAsync(int consultationId, TemplateInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!await db.Consultations.AnyAsync(c => c.Id == consultationId, ct))
        {
            return CommandFailure.NotFound("No such consultation", "Такої консультації немає",
                $"There is no consultation {consultationId}.", $"Консультації {consultationId} немає.");
        }
        if (Validate(input) is { } problem)
        {
            return problem;
        }
        var t = new AnswerTemplate
        {
            ConsultationId = consultationId,
            Title = input.Title!.Trim(),
            Outcome = input.Outcome,
            Text = input.Text!.Trim(),
            CreatedAt = time.GetUtcNow(),
            CreatedBy = user.ActorName(),
        };
        db.AnswerTemplates.Add(t);
        await db.SaveChangesAsync(ct);
        audit.Record(t.CreatedBy, Key(t), new AnswerTemplateCreated(State(t)));
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(ToDto(t));
    }

    public async Task<CommandResult<TemplateDto>> EditAsync(int consultationId, int id, TemplateInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (Validate(input) is { } problem)
        {
            return problem;
        }
        var t = await db.AnswerTemplates.SingleOrDefaultAsync(x => x.Id == id && x.ConsultationId == consultationId, ct);
        if (t is null)
        {
            return NotFound(id);
        }
        if (input.Version is { } v && v != t.Version)
        {
            return Stale();
        }
        var before = State(t);
        t.Title = input.Title!.Trim();
        t.Outcome = input.Outcome;
        t.Text = input.Text!.Trim();
        t.UpdatedAt = time.GetUtcNow();
        t.UpdatedBy = user.ActorName();
        audit.Record(t.UpdatedBy, Key(t), new AnswerTemplateEdited(before, State(t)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        return CommandResult.Done(ToDto(t));
    }

    /// <summary>Removes a template; decisions keep their own copy of the text, so none changes.</summary>
    public async Task<CommandResult<int>> DeleteAsync(int consultationId, int id, ClaimsPrincipal user, CancellationToken ct)
    {
        var t = await db.AnswerTemplates.SingleOrDefaultAsync(x => x.Id == id && x.ConsultationId == consultationId, ct);
        if (t is null)
        {
            return NotFound(id);
        }
        db.AnswerTemplates.Remove(t);
        audit.Record(user.ActorName(), Key(t), new AnswerTemplateRemoved(State(t)));
        await db.SaveChangesAsync(ct);
        return CommandResult.Done(id);
    }

    private static CommandFailure? Validate(TemplateInput input)
    {
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors.Add("title", "The title may not be empty.", "Дайте шаблону назву.");
        }
        else if (input.Title.Trim().Length > TitleMaxLength)
        {
            errors.Add("title", $"The title may be at most {TitleMaxLength} characters long.", $"Назва — не довше {TitleMaxLength} символів.");
        }
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add("text", "The text may not be empty.", "Напишіть текст обґрунтування.");
        }
        else if (input.Text.Trim().Length > TextMaxLength)
        {
            errors.Add("text", $"The text may be at most {TextMaxLength} characters long.", $"Текст — не довше {TextMaxLength} символів.");
        }
        if (input.Outcome is { } outcome && !Enum.IsDefined(outcome))
        {
            errors.Add("outcome", "Unknown outcome.", "Оберіть рішення зі списку.");
        }
        return errors.Any ? CommandFailure.Invalid("The template is not valid", "Шаблон неправильний", errors) : null;
    }

    private static TemplateDto ToDto(AnswerTemplate t) => new(t.Id, t.ConsultationId, t.Title, t.Outcome, t.Text, t.Version, t.UpdatedAt, t.UpdatedBy);

    private static TemplateState State(AnswerTemplate t) => new(t.ConsultationId, t.Title, t.Outcome, t.Text);

    private static string Key(AnswerTemplate t) => t.Id.ToString(CultureInfo.InvariantCulture);

    private static CommandFailure NotFound(int id) => CommandFailure.NotFound("No such template", "Такого шаблону немає",
        $"There is no answer template {id} in this consultation.", $"Шаблону відповіді {id} у цій консультації немає.");

    private static CommandFailure Stale() => CommandFailure.Conflict("Someone else changed this template", "Хтось інший змінив цей шаблон",
        "Re-read it and apply your change again.", "Прочитайте його знову й повторіть свою зміну.");
}
