using Hromada.Core.Catalogs;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Catalogs;

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
}
