using System.Globalization;
using System.Security.Claims;
using Hromada.Core.Access;
using Microsoft.AspNetCore.Authorization;

namespace Hromada.Admin.Auth;

/// <summary>Who may do what. Admin may do everything.</summary>
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

    internal static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Admin, p => p.RequireRole(nameof(AdminRole.Admin)));
        options.AddPolicy(WorkingGroup, p => p.RequireRole(nameof(AdminRole.Admin), nameof(AdminRole.WorkingGroup)));
        options.AddPolicy(Review, p => p.RequireRole(nameof(AdminRole.Admin), nameof(AdminRole.WorkingGroup), nameof(AdminRole.Reviewer)));
        options.AddPolicy(Communications, p => p.RequireRole(nameof(AdminRole.Admin), nameof(AdminRole.Communications)));
    }

    public static string ActorName(this ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(nameof(AdminRole.Admin));

    /// <summary>For a Reviewer key: the review body it is bound to; null for every other role.</summary>
    public static int? ReviewBodyId(this ClaimsPrincipal user) =>
        user.IsInRole(nameof(AdminRole.Reviewer)) && user.FindFirstValue(ApiKeyAuthenticationHandler.ReviewBodyClaim) is { } v
            ? int.Parse(v, CultureInfo.InvariantCulture)
            : null;
}
