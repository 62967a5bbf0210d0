using Hromada.Admin.Announcements;
using Hromada.Admin.Auth;
using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Announcements;

/// <summary>The communications office's announcements: what goes out next and when, what went out and how far it got.</summary>
[Authorize(Policy = AdminPolicies.Web.Communications)]
public sealed class IndexModel(AnnouncementPages pages, CommunityClock clock) : PageModel
{
    public IReadOnlyList<AnnouncementPages.Row> Rows { get; private set; } = [];
    public SubscribersDto Subscribers { get; private set; } = null!;
    public AnnouncementStatus? Status { get; private set; }
    public CommunityClock Clock => clock;

    [TempData]
    public string? Note { get; set; }

    public async Task OnGetAsync([FromQuery] AnnouncementStatus? status, CancellationToken ct)
    {
        Status = status;
        Rows = await pages.ListAsync(status, ct);
        Subscribers = await pages.SubscribersAsync(ct);
    }
}
