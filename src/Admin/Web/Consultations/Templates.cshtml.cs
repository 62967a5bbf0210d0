using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Consultations;
using Hromada.Admin.Templates;
using Hromada.Core.Proposals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Consultations;

/// <summary>A consultation's answer templates: the justifications the working group starts its decisions from.</summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class TemplatesModel(AnswerTemplateService templates, ConsultationService consultations) : PageModel, IShowsInputErrors
{
    public sealed class TemplateForm
    {
        public int? Id { get; set; }
        public string? Title { get; set; }
        public DecisionOutcome? Outcome { get; set; }
        public string? Text { get; set; }
        public int? Version { get; set; }
    }

    [BindProperty]
    public TemplateForm Input { get; set; } = new();

    [TempData]
    public string? Note { get; set; }

    public ConsultationService.ConsultationDto Consultation { get; private set; } = null!;
    public IReadOnlyList<AnswerTemplateService.TemplateDto> All { get; private set; } = [];

    /// <summary>The template whose form was sent and not saved (null: the new template's form).</summary>
    public int? PostedId { get; private set; }
    public bool Posted { get; private set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        var input = new AnswerTemplateService.TemplateInput(Input.Title, Input.Outcome, Input.Text, Input.Version);
        var result = !ModelState.IsValid ? null : Input.Id is { } templateId
            ? await templates.EditAsync(id, templateId, input, User, ct)
            : await templates.CreateAsync(id, input, User, ct);
        if (result is { IsDone: true })
        {
            Note = Input.Id is null ? "Шаблон додано." : "Шаблон збережено.";
            return Redirect($"/admin/consultations/{id}/templates");
        }
        if (result?.Status == CommandStatus.NotFound)
        {
            return this.NotFoundPage("Такого шаблону або консультації немає.");
        }
        Posted = true;
        PostedId = Input.Id;
        Conflict = result?.Status == CommandStatus.Conflict;
        if (result is not null)
        {
            ModelState.AddCommandErrors(result.Errors);
        }
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int templateId, CancellationToken ct)
    {
        var result = await templates.DeleteAsync(id, templateId, User, ct);
        Note = result.IsDone ? "Шаблон вилучено; ухвалені рішення зберігають свій текст." : "Цього шаблону вже немає.";
        return Redirect($"/admin/consultations/{id}/templates");
    }

    private async Task<IActionResult> ShowAsync(int id, CancellationToken ct)
    {
        if (await consultations.GetAsync(id, ct) is not { } c)
        {
            return this.NotFoundPage($"Консультації {id} немає.");
        }
        Consultation = c;
        All = await templates.ListAsync(id, ct) ?? [];
        return Page();
    }

    /// <summary>What a template's form shows: what the user sent if it was this form, else the stored template.</summary>
    public TemplateForm FormFor(AnswerTemplateService.TemplateDto? t) =>
        Posted && PostedId == t?.Id
            ? new TemplateForm { Id = t?.Id, Title = Input.Title, Outcome = Input.Outcome, Text = Input.Text, Version = t?.Version ?? Input.Version }
            : t is null ? new TemplateForm() : new TemplateForm { Id = t.Id, Title = t.Title, Outcome = t.Outcome, Text = t.Text, Version = t.Version };

    public string? Error(int? templateId, string key) =>
        Posted && PostedId == templateId && ModelState.TryGetValue("Input." + key, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;
}
