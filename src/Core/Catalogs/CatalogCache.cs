using Hromada.Core.Consultations;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Catalogs;

/// <summary>Every catalog entry (retired ones too) and every consultation not closed, as read at one moment.</summary>
internal sealed record CatalogSnapshot(
    IReadOnlyList<AuthorCategory> AuthorCategories,
    IReadOnlyList<SocialGroup> SocialGroups,
    IReadOnlyList<BusinessKind> BusinessKinds,
    IReadOnlyList<StarostaDistrict> Districts,
    IReadOnlyList<Settlement> Settlements,
    IReadOnlyList<Sphere> Spheres,
    IReadOnlyList<Topic> Topics,
    IReadOnlyList<Consultation> OpenConsultations)
{
    internal long Version { get; init; }
    /// <summary>When it was read, as a <see cref="TimeProvider.GetTimestamp"/> of the cache's clock.</summary>
    internal long LoadedAt { get; init; }

    /// <summary>Consultations accepting proposals at <paramref name="now"/>, the earliest opened first.</summary>
    public IReadOnlyList<Consultation> Accepting(DateTimeOffset now) =>
        OpenConsultations.Where(c => c.IsAccepting(now)).OrderBy(c => c.OpensAt).ThenBy(c => c.Id).ToList();
}

/// <summary>
/// The catalogs and open consultations the conversation reads on every message, kept in memory: they change rarely
/// (a catalog at start-up, a consultation through the admin API). A save that changes any of them in this process
/// makes the next read load them again; changes made by another instance are seen within <see cref="MaxAge"/>.
/// The entities are detached copies: read them, never change them. Age is measured on the service's
/// <see cref="TimeProvider"/>, like every other wait.
/// </summary>
internal sealed class CatalogCache(IServiceScopeFactory scopes, TimeProvider time) : IDisposable
{
    /// <summary>
    /// How stale the copy may get when another instance changes the database (several instances on PostgreSQL: a
    /// consultation extended through one is seen by the others within this). Reloading costs eight small queries.
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private static long _version;
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile CatalogSnapshot? _current;
    private bool _fixed;

    /// <summary>A cache that always gives <paramref name="snapshot"/>: the engine decided on without a database (tests).</summary>
    internal static CatalogCache Of(CatalogSnapshot snapshot) => new(null!, TimeProvider.System) { _current = snapshot, _fixed = true };

    /// <summary>Something the cache holds has changed: the next read loads it again.</summary>
    public static void Changed() => Interlocked.Increment(ref _version);

    public async ValueTask<CatalogSnapshot> GetAsync(CancellationToken ct)
    {
        if (_fixed && _current is { } pinned)
        {
            return pinned;
        }
        if (Fresh(_current) is { } current)
        {
            return current;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (Fresh(_current) is { } loaded)
            {
                return loaded;
            }
            var version = Interlocked.Read(ref _version);
            var started = time.GetTimestamp();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var districts = await db.StarostaDistricts.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct);
            var settlements = await db.Settlements.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct);
            foreach (var s in settlements)
            {
                s.District = districts.FirstOrDefault(d => d.Id == s.DistrictId);
            }
            var snapshot = new CatalogSnapshot(
                await db.AuthorCategories.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct),
                await db.SocialGroups.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct),
                await db.BusinessKinds.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct),
                districts,
                settlements,
                await db.Spheres.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct),
                await db.Topics.AsNoTracking().OrderBy(x => x.SortOrder).ToListAsync(ct),
                await db.Consultations.AsNoTracking().Where(c => c.ClosedAt == null).ToListAsync(ct))
            {
                Version = version,
                LoadedAt = started,
            };
            _current = snapshot;
            return snapshot;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Dispose() => _loading.Dispose();

    private CatalogSnapshot? Fresh(CatalogSnapshot? snapshot) =>
        snapshot is not null && snapshot.Version == Interlocked.Read(ref _version) && time.GetElapsedTime(snapshot.LoadedAt) < MaxAge
            ? snapshot
            : null;
}
