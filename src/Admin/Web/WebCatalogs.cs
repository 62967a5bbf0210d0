using Hromada.Core.Catalogs;
using Hromada.Core.Consultations;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Web;

/// <summary>The catalogs and consultations the page's selects offer, read once per request, in their configured order.</summary>
public sealed class WebCatalogs(HromadaDbContext db)
{
    private Loaded? _loaded;

    public sealed record Loaded(
        IReadOnlyList<Sphere> Spheres, IReadOnlyList<Topic> Topics, IReadOnlyList<StarostaDistrict> Districts, IReadOnlyList<Settlement> Settlements,
        IReadOnlyList<AuthorCategory> AuthorCategories, IReadOnlyList<SocialGroup> SocialGroups, IReadOnlyList<BusinessKind> BusinessKinds,
        IReadOnlyList<ReviewBody> ReviewBodies, IReadOnlyList<Consultation> Consultations);

    public async Task<Loaded> LoadAsync(CancellationToken ct)
    {
        if (_loaded is not null)
        {
            return _loaded;
        }
        var spheres = await db.Spheres.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct);
        var topics = await db.Topics.AsNoTracking().ToListAsync(ct);
        var sphereOrder = spheres.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var districts = await db.StarostaDistricts.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct);
        var districtOrder = districts.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var settlements = await db.Settlements.AsNoTracking().ToListAsync(ct);
        _loaded = new Loaded(
            spheres,
            topics.OrderBy(t => sphereOrder.GetValueOrDefault(t.SphereId)).ThenBy(t => t.SortOrder).ToList(),
            districts,
            settlements.OrderBy(s => districtOrder.GetValueOrDefault(s.DistrictId)).ThenBy(s => s.SortOrder).ToList(),
            await db.AuthorCategories.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct),
            await db.SocialGroups.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct),
            await db.BusinessKinds.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct),
            await db.ReviewBodies.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct),
            await db.Consultations.AsNoTracking().OrderByDescending(x => x.OpensAt).ThenByDescending(x => x.Id).ToListAsync(ct));
        return _loaded;
    }
}
