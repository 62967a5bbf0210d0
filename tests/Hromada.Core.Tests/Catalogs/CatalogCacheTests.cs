using Hromada.Core.Catalogs;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Catalogs;

/// <summary>
/// The cache's version is one for the process (one host per process in production), and every test host's catalog save
/// bumps it: these tests run apart from the others, so no other test's save reloads their copy.
/// </summary>
[CollectionDefinition(nameof(CatalogCacheTests), DisableParallelization = true)]
public sealed class CatalogCacheRunsAlone;

[Collection(nameof(CatalogCacheTests))]
public sealed class CatalogCacheTests
{
    [Fact]
    public async Task ACatalogReadWhileAChangeIsBeingSaved_IsNotKeptAsFresh_TheNextReadSeesTheChange()
    {
        await using var host = await CoreTestHost.StartAsync();
        var cache = host.Services.GetRequiredService<CatalogCache>();
        await cache.GetAsync(CancellationToken.None);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var sphere = await db.Spheres.OrderBy(s => s.Id).FirstAsync();
        sphere.Label = "Нова назва сфери";
        // Another turn reads the catalog just as the change is being saved (before its rows are written).
        CatalogSnapshot? during = null;
        db.SavingChanges += (_, _) => during = cache.GetAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

        await db.SaveChangesAsync();
        var after = await cache.GetAsync(CancellationToken.None);

        Assert.NotNull(during);
        Assert.Equal("Нова назва сфери", after.Spheres.Single(s => s.Id == sphere.Id).Label);
    }

    [Fact]
    public async Task AChangeMadeByAnotherInstance_IsSeenOnceTheCopyIsOlderThanMaxAge_OnTheServiceClock()
    {
        await using var host = await CoreTestHost.StartAsync();
        var cache = host.Services.GetRequiredService<CatalogCache>();
        var first = await cache.GetAsync(CancellationToken.None);
        var sphere = first.Spheres.OrderBy(s => s.Id).First();
        await using (var scope = host.Scope())
        {
            // Written past this process's DbContext, as another instance's save would be: no version bump here.
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            await db.Spheres.Where(s => s.Id == sphere.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.Label, "Змінена іншим примірником"));
        }

        host.Time.Advance(CatalogCache.MaxAge - TimeSpan.FromMilliseconds(1));
        var stillCached = await cache.GetAsync(CancellationToken.None);
        host.Time.Advance(TimeSpan.FromMilliseconds(1));
        var reloaded = await cache.GetAsync(CancellationToken.None);

        Assert.Same(first, stillCached);
        Assert.Equal(sphere.Label, stillCached.Spheres.Single(s => s.Id == sphere.Id).Label);
        Assert.Equal("Змінена іншим примірником", reloaded.Spheres.Single(s => s.Id == sphere.Id).Label);
    }
}
