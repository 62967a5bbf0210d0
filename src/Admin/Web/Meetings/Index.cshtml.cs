using Hromada.Admin.Auth;
using Hromada.Admin.Meetings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Meetings;

/// <summary>The working group's meetings of one consultation, the latest first.</summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class IndexModel(MeetingService meetings, WebCatalogs catalogs) : PageModel
{
    public IReadOnlyList<MeetingSummaryDto> Meetings { get; private set; } = [];
    public WebCatalogs.Loaded Catalogs { get; private set; } = null!;
    public int? Consultation { get; private set; }

    public async Task OnGetAsync(int? consultation, CancellationToken ct)
    {
        Catalogs = await catalogs.LoadAsync(ct);
        Consultation = consultation ?? (Catalogs.Consultations.Count > 0 ? Catalogs.Consultations[0].Id : (int?)null);
        Meetings = Consultation is { } id ? await meetings.ListAsync(id, ct) : [];
    }
}
