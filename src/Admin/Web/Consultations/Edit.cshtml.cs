using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Consultations;
using Hromada.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Consultations;

/// <summary>One consultation: edit it, extend its deadline (with the reason and protocol, kept as history), close or reopen it.</summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class EditModel(
    ConsultationService consultations, CommunityClock clock, PublicResults.PublicResultsService publicResults,
    Microsoft.Extensions.Options.IOptions<CommunityOptions> community) : PageModel, IShowsInputErrors
{
    [BindProperty]
    public ConsultationForm Input { get; set; } = new();

    [BindProperty]
    public ExtendForm Extend { get; set; } = new();

    [TempData]
    public string? Note { get; set; }

    public ConsultationService.ConsultationDto Consultation { get; private set; } = null!;
    public CommunityClock Clock => clock;

    /// <summary>The consultation's public results page, as residents open it.</summary>
    public string ResultsUrl => community.Value.PublicBaseUrl.TrimEnd('/') + PublicResults.PublicResultsService.ResultsPath(Consultation.Id);

    /// <summary>Set when someone else changed the consultation after the user opened it.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await ShowAsync(id, null, ct);

    public async Task<IActionResult> OnPostEditAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, "edit", ct);
        }
        var result = await consultations.EditAsync(id, new ConsultationService.ConsultationInput(
            Input.Title, clock.FromLocal(Input.OpensAt), clock.FromLocal(Input.Deadline), Input.Version), User, ct);
        return await AfterAsync(id, result, "edit", "Зміни збережено.", ct);
    }

    public async Task<IActionResult> OnPostExtendAsync(int id, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(id, "extend", ct);
        }
        var result = await consultations.ExtendAsync(id, new ConsultationService.ExtendInput(
            clock.FromLocal(Extend.NewDeadline), Extend.Reason, Extend.ProtocolNumber, Extend.ProtocolDate, Extend.Version), User, ct);
        return await AfterAsync(id, result, "extend", "Строк продовжено.", ct);
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await consultations.SetClosedAsync(id, close: true, User, ct), null, "Приймання пропозицій закрито.", ct);

    public async Task<IActionResult> OnPostReopenAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await consultations.SetClosedAsync(id, close: false, User, ct), null, "Приймання пропозицій відновлено.", ct);

    /// <summary>Publishes (or withdraws) the results page and open data.</summary>
    public async Task<IActionResult> OnPostResultsAsync(int id, bool published, CancellationToken ct)
    {
        var result = await publicResults.SetPublishedAsync(id, published, User, ct);
        if (result.Status == CommandStatus.NotFound)
        {
            return this.NotFoundPage($"Консультації {id} немає.");
        }
        Note = published ? "Результати оприлюднено." : "Результати знято з оприлюднення.";
        return Redirect($"/admin/consultations/{id}");
    }

    private async Task<IActionResult> AfterAsync(int id, CommandResult<ConsultationService.ConsultationDto> result, string? form, string done, CancellationToken ct)
    {
        switch (result.Status)
        {
            case CommandStatus.Done:
                Note = done;
                return Redirect($"/admin/consultations/{id}");
            case CommandStatus.NotFound:
                return this.NotFoundPage($"Консультації {id} немає.");
            case CommandStatus.Conflict:
                Conflict = true;
                break;
            default:
                ModelState.AddCommandErrors(result.Errors, form == "extend" ? "Extend" : "Input");
                break;
        }
        return await ShowAsync(id, form, ct);
    }

    private async Task<IActionResult> ShowAsync(int id, string? posted, CancellationToken ct)
    {
        if (await consultations.GetAsync(id, ct) is not { } c)
        {
            return this.NotFoundPage($"Консультації {id} немає.");
        }
        Consultation = c;
        if (posted != "edit")
        {
            Input = new ConsultationForm
            {
                Title = c.Title,
                OpensAt = clock.ToLocal(c.OpensAt).DateTime,
                Deadline = clock.ToLocal(c.Deadline).DateTime,
                Version = c.Version,
            };
        }
        else
        {
            // Sent again, the form overwrites nothing it did not see: it carries the version now shown.
            Input.Version = c.Version;
        }
        if (posted != "extend")
        {
            Extend = new ExtendForm { NewDeadline = clock.ToLocal(c.Deadline).DateTime.AddDays(14), ProtocolDate = clock.Today, Version = c.Version };
        }
        else
        {
            Extend.Version = c.Version;
        }
        return Page();
    }

    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
