using Hromada.Admin.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Account;

/// <summary>Where a role is sent when a page is not for it: 403, and a link to a page that is.</summary>
[Authorize(Policy = AdminPolicies.Web.SignedIn)]
public sealed class ForbiddenModel : PageModel
{
    public string Home => User.May(AdminPolicies.Review) ? "/admin" : "/admin/announcements";

    public void OnGet() => Response.StatusCode = 403;
}
