using Hromada.Admin.Auth;
using Hromada.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Dashboard;

/// <summary>The day's overview: the open consultation and its deadline, the counts, what needs attention today, the representation.</summary>
[Authorize(Policy = AdminPolicies.Web.Review)]
public sealed class IndexModel(DashboardData data, CommunityClock clock) : PageModel
{
    [TempData]
    public string? Note { get; set; }

    /// <summary>Sends the interim report's link to every review body that has contacts (working group only).</summary>
    public async Task<IActionResult> OnPostSendInterimAsync(int consultation, [FromServices] Hromada.Core.Reviews.ReviewNotices notices,
        [FromServices] Hromada.Core.Storage.HromadaDbContext db, [FromServices] Hromada.Core.Audit.AuditLog audit, CancellationToken ct)
    {
        if (!User.May(AdminPolicies.WorkingGroup))
        {
            return Forbid();
        }
        var c = await db.Consultations.FindAsync([consultation], ct);
        if (c is null)
        {
            return NotFound();
        }
        audit.Record(User.ActorName(), c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new Hromada.Core.Audit.InterimReportSent());
        var (told, unreachable) = await notices.SendInterimReportAsync(c.Id, c.Title, ct);
        await db.SaveChangesAsync(ct);
        Note = $"Проміжний звіт надіслано органам розгляду: {told}." + (unreachable.Count == 0 ? "" : $" Не досяжні (немає контактів): {string.Join("; ", unreachable)}.");
        return Redirect($"/admin?consultation={c.Id}");
    }

    public DashboardData.View View { get; private set; } = null!;

    public CommunityClock Clock => clock;

    public async Task OnGetAsync(int? consultation, CancellationToken ct) => View = await data.BuildAsync(consultation, User, ct);

    /// <summary>The proposals list with this consultation and <paramref name="query"/>.</summary>
    public string List(string query = "") =>
        $"/admin/proposals?consultation={View.Consultation!.Id}" + (query.Length == 0 ? "" : "&" + query);
}
