using Hromada.Admin.Auth;
using Hromada.Admin.Consultations;
using Hromada.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Consultations;

/// <summary>All consultations, newest first, with their state and deadline.</summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class IndexModel(ConsultationService consultations, CommunityClock clock) : PageModel
{
    public IReadOnlyList<ConsultationService.ConsultationDto> All { get; private set; } = [];
    public CommunityClock Clock => clock;

    public async Task OnGetAsync(CancellationToken ct) => All = await consultations.ListAsync(ct);
}
