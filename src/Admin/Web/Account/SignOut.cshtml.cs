using System.Security.Claims;
using Hromada.Admin.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Account;

/// <summary>
/// Sign-out (a POST with the form's token, so no other site can sign someone out): the session is ended on the server
/// and the cookie removed. The page
/// reads the session like every other, since the form's token is bound to the signed-in person.
/// </summary>
[Authorize(Policy = AdminPolicies.Web.SignedIn)]
public sealed class SignOutModel(WebSessions sessions) : PageModel
{
    public IActionResult OnGet() => Redirect("/admin/sign-in");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Ended on the server first: a copy of the cookie (another tab, a shared computer's disk) opens nothing after this.
        if (User.SessionId() is { } session)
        {
            await sessions.EndAsync(session, ct);
        }
        await HttpContext.SignOutAsync(AdminPolicies.Web.Scheme);
        // This answer already belongs to nobody: no menu, no name.
        HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity());
        return Page();
    }
}
