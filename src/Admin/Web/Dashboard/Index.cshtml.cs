using Hromada.Admin.Auth;
using Hromada.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Dashboard;

/// <summary>The day's overview: the open consultation and its deadline, the counts, what needs attention today, the representation.</summary>
[Authorize(Policy = AdminPolicies.Web.Review)]
public sealed class IndexModel(DashboardData data, CommunityClock clock) : PageModel
{
    public DashboardData.View View { get; private set; } = null!;

    public CommunityClock Clock => clock;

    public async Task OnGetAsync(int? consultation, CancellationToken ct) => View = await data.BuildAsync(consultation, User, ct);

    /// <summary>The proposals list with this consultation and <paramref name="query"/>.</summary>
    public string List(string query = "") =>
        $"/admin/proposals?consultation={View.Consultation!.Id}" + (query.Length == 0 ? "" : "&" + query);
}
