using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Reviews;
using Hromada.Core.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Routing;

/// <summary>
/// «Розподіл за сферами»: every proposal of a consultation not yet routed, shown by the review body its sphere would
/// send it to (and the spheres no body reviews); routed together only after the secretary has seen the list.
/// </summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class IndexModel(SphereRouting routing, ReviewDueDates dueDates, WebCatalogs catalogs) : PageModel, IShowsInputErrors
{
    [BindProperty(SupportsGet = true)] public int? Consultation { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueDate { get; set; }

    /// <summary>The references the secretary saw in the preview; only these are routed.</summary>
    [BindProperty] public List<string> Shown { get; set; } = [];

    [TempData] public string? Note { get; set; }

    public SphereRouting.Plan? Plan { get; private set; }
    public WebCatalogs.Loaded Catalogs { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        DueDate ??= dueDates.Default;
        return await PreviewAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return await PreviewAsync(ct);
        }
        if (Shown.Count == 0)
        {
            Note = "Немає пропозицій для розподілу.";
            return Redirect(Here());
        }
        var result = await routing.RouteAsync(new SphereRouting.Input(Consultation, DueDate, DryRun: false, Shown), User, ct);
        if (result.Status == CommandStatus.NotFound)
        {
            return this.NotFoundPage("Такої консультації немає.");
        }
        if (!result.IsDone)
        {
            ModelState.AddCommandErrors(result.Errors, "");
            return await PreviewAsync(ct);
        }
        var r = result.Value!;
        var parts = new List<string> { $"Передано на розгляд за сферами: {r.Routed.Count}." };
        if (r.Skipped.Count > 0)
        {
            parts.Add($"Пропущено, бо їх уже передав або вирішив хтось інший: {string.Join(", ", r.Skipped)}.");
        }
        if (r.Conflicts.Count > 0)
        {
            parts.Add($"Не змінено через одночасну зміну (повторіть): {string.Join(", ", r.Conflicts)}.");
        }
        Note = string.Join(' ', parts);
        return Redirect(Here());
    }

    private async Task<IActionResult> PreviewAsync(CancellationToken ct)
    {
        Catalogs = await catalogs.LoadAsync(ct);
        var preview = await routing.RouteAsync(new SphereRouting.Input(Consultation, DueDate, DryRun: true), User, ct);
        if (preview.Status == CommandStatus.NotFound)
        {
            return this.NotFoundPage(Consultation is null ? "Консультацій ще немає." : "Такої консультації немає.");
        }
        Plan = preview.Value?.Plan;
        Consultation = Plan?.Consultation;
        return Page();
    }

    private string Here() => $"/admin/routing?consultation={Consultation}";

    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
