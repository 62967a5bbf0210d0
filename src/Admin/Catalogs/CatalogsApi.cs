using Hromada.Admin.Auth;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Catalogs;

/// <summary><c>GET /api/admin/catalogs</c>: every catalog with codes, labels and whether an entry is retired.</summary>
public static class CatalogsApi
{
    public static RouteGroupBuilder MapCatalogsApi(this RouteGroupBuilder admin)
    {
        admin.MapGet("/catalogs", GetAsync).WithTags("Catalogs").WithName("GetCatalogs")
            .WithSummary("Spheres with topics, districts with settlements, author categories, social groups, business kinds and review bodies — the codes the other endpoints take.")
            .RequireAuthorization(AdminPolicies.Review);
        return admin;
    }

    public sealed record Entry(string Code, string Label, bool IsRetired);

    public sealed record SphereEntry(string Code, string Label, bool IsRetired, IReadOnlyList<Entry> Topics);

    public sealed record DistrictEntry(string Code, string Label, bool IsRetired, IReadOnlyList<SettlementEntry> Settlements);

    public sealed record SettlementEntry(string Code, string Label, string Kind, bool IsRetired);

    public sealed record CatalogsDto(
        IReadOnlyList<SphereEntry> Spheres, IReadOnlyList<DistrictEntry> Districts, IReadOnlyList<Entry> AuthorCategories,
        IReadOnlyList<Entry> SocialGroups, IReadOnlyList<Entry> BusinessKinds, IReadOnlyList<Entry> ReviewBodies);

    private static async Task<Ok<CatalogsDto>> GetAsync(HromadaDbContext db, CancellationToken ct)
    {
        var spheres = await db.Spheres.AsNoTracking().Include(s => s.Topics).OrderBy(s => s.SortOrder).ToListAsync(ct);
        var districts = await db.StarostaDistricts.AsNoTracking().Include(d => d.Settlements).OrderBy(d => d.SortOrder).ToListAsync(ct);
        return TypedResults.Ok(new CatalogsDto(
            spheres.Select(s => new SphereEntry(s.Code, s.Label, s.IsRetired,
                s.Topics.OrderBy(t => t.SortOrder).Select(t => new Entry(t.Code, t.Label, t.IsRetired)).ToList())).ToList(),
            districts.Select(d => new DistrictEntry(d.Code, d.Label, d.IsRetired,
                d.Settlements.OrderBy(x => x.SortOrder).Select(x => new SettlementEntry(x.Code, x.Label, x.Kind, x.IsRetired)).ToList())).ToList(),
            await Entries(db.AuthorCategories, ct),
            await Entries(db.SocialGroups, ct),
            await Entries(db.BusinessKinds, ct),
            await Entries(db.ReviewBodies, ct)));
    }

    private static async Task<List<Entry>> Entries<T>(IQueryable<T> set, CancellationToken ct) where T : Core.Catalogs.CatalogItem =>
        await set.AsNoTracking().OrderBy(x => x.SortOrder).Select(x => new Entry(x.Code, x.Label, x.IsRetired)).ToListAsync(ct);
}
