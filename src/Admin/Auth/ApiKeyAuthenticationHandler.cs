using System.Security.Claims;
using System.Text.Encodings.Web;
using Hromada.Admin.Commands;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> against the stored key hashes; answers 401/403 as ProblemDetails.
/// The default scheme, so it runs for every request (each webhook call too): the key store, and with it a database
/// context, is resolved only for a request that brings a key.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ReviewBodyClaim = "hromada:review_body";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("The Authorization header is not a Bearer key.");
        }

        var keys = Context.RequestServices.GetRequiredService<ApiKeyService>();
        var key = await keys.VerifyAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (key is null)
        {
            Logger.LogWarning("Admin API: rejected an unknown or revoked key from {Remote}", Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("Unknown or revoked key.");
        }

        var principal = AdminPrincipal.Create(key, SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = 401,
                Title = ApiLanguage.Pick("An admin API key is required", "Потрібен ключ адміністративного API"),
                Detail = ApiLanguage.Pick("Send 'Authorization: Bearer <key>' with a key created by 'keys create'.",
                    "Надішліть «Authorization: Bearer <ключ>» з ключем, створеним командою «keys create»."),
            },
        });
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = 403,
                Title = ApiLanguage.Pick("This key's role may not do that", "Роль цього ключа цього не дозволяє"),
                Detail = ApiLanguage.Pick($"The key '{Context.User.Identity?.Name}' has the role {Context.User.FindFirstValue(ClaimTypes.Role)}.",
                    $"Ключ «{Context.User.Identity?.Name}» має роль {Context.User.FindFirstValue(ClaimTypes.Role)}."),
            },
        });
    }
}
