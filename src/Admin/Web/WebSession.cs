using Hromada.Admin.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Web;

/// <summary>
/// The signed-in session: an admin key, checked once at sign-in, exchanged for a cookie that only this host's
/// <c>/admin</c> pages receive — HttpOnly, Secure when the request came over HTTPS, SameSite=Strict, gone when the
/// browser closes, and refused after <see cref="AdminWebOptions.SessionHours"/>, after sign-out (the session is ended on
/// the server, so a copy of the cookie is worthless too) or as soon as its key is revoked.
/// </summary>
internal sealed class WebSession(IOptions<AdminWebOptions> web) : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public const string CookieName = "hromada_admin";
    public const string SignInPath = "/admin/sign-in";

    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        if (name != AdminPolicies.Web.Scheme)
        {
            return;
        }
        options.Cookie.Name = CookieName;
        options.Cookie.Path = "/admin";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.IsEssential = true;
        options.ExpireTimeSpan = TimeSpan.FromHours(web.Value.SessionHours);
        // A fixed span from sign-in: a computer left signed in at the ЦНАП does not stay signed in for ever.
        options.SlidingExpiration = false;
        options.LoginPath = SignInPath;
        options.LogoutPath = "/admin/sign-out";
        options.AccessDeniedPath = "/admin/forbidden";
        options.ReturnUrlParameter = "returnUrl";
        options.Events.OnValidatePrincipal = ValidateAsync;
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);

    /// <summary>
    /// Each request asks the server's record (<see cref="Account.WebSessions"/>): a session signed out, expired or whose
    /// key was revoked since sign-in ends there, whatever the cookie says.
    /// </summary>
    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var sessions = context.HttpContext.RequestServices.GetRequiredService<Account.WebSessions>();
        if (context.Principal?.KeyId() is not { } id || context.Principal.SessionId() is not { } session
            || !await sessions.IsLiveAsync(session, id, context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AdminPolicies.Web.Scheme);
        }
    }
}
