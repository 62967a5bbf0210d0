using Hromada.Admin.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Web.Account;

/// <summary>Sign-in with an admin key, once: the key is checked and exchanged for the session cookie.</summary>
[AllowAnonymous]
public sealed class SignInModel(
    ApiKeyService keys, SignInThrottle throttle, WebSessions sessions, IOptions<AdminWebOptions> options, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    /// <summary>The visitor was sent here from a page (no session yet, or it ended), and goes back there after signing in.</summary>
    public bool Expired => SafeReturnUrl(ReturnUrl) is not null;

    public int SessionHours => options.Value.SessionHours;

    public async Task<IActionResult> OnPostAsync(string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            Error = "Введіть ключ доступу.";
            return Page();
        }
        var attempt = await throttle.AttemptAsync(HttpContext, t => keys.VerifyAsync(key.Trim(), t), ct);
        if (attempt.Found is not { } found)
        {
            logger.LogWarning("Admin web: a sign-in with an unknown or revoked key from {Remote}", HttpContext.Connection.RemoteIpAddress);
            if (attempt.Throttled)
            {
                Error = "Забагато невдалих спроб входу з цієї адреси. Зачекайте хвилину і спробуйте знову.";
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = "60";
                return Page();
            }
            // The same words for a wrong key and a revoked one: the page must not tell which keys once existed.
            Error = "Цей ключ не підходить: він неправильний або відкликаний.";
            return Page();
        }
        var session = await sessions.StartAsync(found, ct);
        await HttpContext.SignInAsync(AdminPolicies.Web.Scheme, AdminPrincipal.Create(found, AdminPolicies.Web.Scheme, session),
            new AuthenticationProperties { IsPersistent = false });
        logger.LogInformation("Admin web: {Name} ({Role}) signed in", found.Name, found.Role);
        return LocalRedirect(SafeReturnUrl(ReturnUrl) ?? Home(found.Role));
    }

    /// <summary>
    /// Only this site's admin pages: a path of <c>/admin</c> (itself, or below it), never another site, never a
    /// protocol-relative or backslash trick, never a control character, space or other character a URL must carry
    /// encoded (a decoded tab, CR or LF would make the redirect fail).
    /// </summary>
    internal static string? SafeReturnUrl(string? url) =>
        url is { Length: > 0 and <= 2000 }
            && (url == "/admin" || url.StartsWith("/admin/", StringComparison.Ordinal) || url.StartsWith("/admin?", StringComparison.Ordinal))
            && !url.StartsWith("/admin/sign-", StringComparison.Ordinal)
            && url.All(c => c is > ' ' and < '\u007F' and not '\\')
            ? url
            : null;

    private static string Home(Core.Access.AdminRole role) => role == Core.Access.AdminRole.Communications ? "/admin/announcements" : "/admin";
}
