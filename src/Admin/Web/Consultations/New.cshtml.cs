using Hromada.Admin.Auth;
using Hromada.Admin.Consultations;
using Hromada.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Consultations;

/// <summary>Opening a new collection of proposals.</summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class NewModel(ConsultationService consultations, CommunityClock clock) : PageModel, IShowsInputErrors
{
    [BindProperty]
    public ConsultationForm Input { get; set; } = new();

    [TempData]
    public string? Note { get; set; }

    public void OnGet()
    {
        var today = clock.Today;
        Input = new ConsultationForm
        {
            OpensAt = today.ToDateTime(new TimeOnly(9, 0)),
            Deadline = today.AddDays(30).ToDateTime(new TimeOnly(18, 0)),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await consultations.CreateAsync(new ConsultationService.ConsultationInput(
            Input.Title, clock.FromLocal(Input.OpensAt), clock.FromLocal(Input.Deadline)), User, ct);
        if (!result.IsDone)
        {
            ModelState.AddCommandErrors(result.Errors);
            return Page();
        }
        Note = "Консультацію створено.";
        return Redirect($"/admin/consultations/{result.Value!.Id}");
    }
}
