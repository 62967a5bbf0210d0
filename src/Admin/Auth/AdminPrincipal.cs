using System.Globalization;
using System.Security.Claims;
using Hromada.Core.Access;

namespace Hromada.Admin.Auth;

/// <summary>Who a key is, as claims: the same for a bearer call and a signed-in session, so every rule reads them alike.</summary>
internal static class AdminPrincipal
{
    public const string KeyIdClaim = "hromada:key_id";

    /// <summary>The web page's session id (<see cref="AdminSession"/>); a bearer call has none.</summary>
    public const string SessionClaim = "hromada:session";

    public static ClaimsPrincipal Create(ApiKey key, string scheme, string? sessionId = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, key.Name),
            new(ClaimTypes.Role, key.Role.ToString()),
            new(KeyIdClaim, key.Id.ToString(CultureInfo.InvariantCulture)),
        };
        if (sessionId is not null)
        {
            claims.Add(new Claim(SessionClaim, sessionId));
        }
        if (key.ReviewBodyId is { } body)
        {
            claims.Add(new Claim(ApiKeyAuthenticationHandler.ReviewBodyClaim, body.ToString(CultureInfo.InvariantCulture)));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static string? SessionId(this ClaimsPrincipal user) => user.FindFirstValue(SessionClaim);

    public static int? KeyId(this ClaimsPrincipal user) =>
        int.TryParse(user.FindFirstValue(KeyIdClaim), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
