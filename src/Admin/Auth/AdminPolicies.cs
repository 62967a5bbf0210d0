using System.Globalization;
using System.Security.Claims;
using Hromada.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Hromada.Admin.Auth;

/// <summary>
/// Who may do what. Admin may do everything. The API's policies authenticate the bearer key; the web page's
/// (<see cref="Web"/>) the signed-in session — with the very same roles.
/// </summary>
public static class AdminPolicies
{
    /// <summary>Keys, personal data.</summary>
    public const string Admin = "Admin";

    /// <summary>Consultations, classification, routing, decisions, exports without personal data.</summary>
    public const string WorkingGroup = "WorkingGroup";

    /// <summary>Reading proposals routed to one's body and recording its position (WorkingGroup and Admin too).</summary>
    public const string Review = "Review";

    /// <summary>Announcements.</summary>
    public const string Communications = "Communications";

    /// <summary>The roles each policy admits.</summary>
    internal static readonly IReadOnlyDictionary<string, AdminRole[]> Roles = new Dictionary<string, AdminRole[]>
    {
        [Admin] = [AdminRole.Admin],
        [WorkingGroup] = [AdminRole.Admin, AdminRole.WorkingGroup],
        [Review] = [AdminRole.Admin, AdminRole.WorkingGroup, AdminRole.Reviewer],
        [Communications] = [AdminRole.Admin, AdminRole.Communications],
    };

    /// <summary>The web page's policies: the same names prefixed with <c>Web.</c>, on the session cookie.</summary>
    public static class Web
    {
        public const string Scheme = "AdminWeb";
        public const string Prefix = "Web.";
        public const string Admin = Prefix + AdminPolicies.Admin;
        public const string WorkingGroup = Prefix + AdminPolicies.WorkingGroup;
        public const string Review = Prefix + AdminPolicies.Review;
        public const string Communications = Prefix + AdminPolicies.Communications;

        /// <summary>Anyone signed in, whatever the role.</summary>
        public const string SignedIn = Prefix + "SignedIn";
    }

    internal static void Add(AuthorizationOptions options)
    {
        foreach (var (name, roles) in Roles)
        {
            var names = roles.Select(r => r.ToString()).ToArray();
            options.AddPolicy(name, p => p.RequireRole(names));
            options.AddPolicy(Web.Prefix + name, p => p.AddAuthenticationSchemes(Web.Scheme).RequireRole(names));
        }
        options.AddPolicy(Web.SignedIn, p => p.AddAuthenticationSchemes(Web.Scheme).RequireAuthenticatedUser());
    }

    /// <summary>True when <paramref name="user"/> has a role the policy <paramref name="policy"/> (without the Web. prefix) admits.</summary>
    public static bool May(this ClaimsPrincipal user, string policy) =>
        Roles.TryGetValue(policy, out var roles) && roles.Any(r => user.IsInRole(r.ToString()));

    public static string ActorName(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(nameof(AdminRole.Admin));

    /// <summary>For a Reviewer key: the review body it is bound to; null for every other role.</summary>
    public static int? ReviewBodyId(this ClaimsPrincipal user) =>
        user.IsInRole(nameof(AdminRole.Reviewer)) && user.FindFirstValue(ApiKeyAuthenticationHandler.ReviewBodyClaim) is { } v
            ? int.Parse(v, CultureInfo.InvariantCulture)
            : null;
}
