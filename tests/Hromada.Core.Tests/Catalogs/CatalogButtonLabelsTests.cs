using Hromada.Core.Catalogs;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Catalogs;

/// <summary>Messenger cuts a button at 20 characters: long labels need a short one, or residents cannot tell them apart.</summary>
public sealed class CatalogButtonLabelsTests
{
    private static CatalogOptions Shipped()
    {
        var catalog = new CatalogOptions();
        CoreTestHost.BuildConfiguration(Path.GetTempPath()).GetSection(CatalogOptions.Section).Bind(catalog);
        return catalog;
    }

    [Fact]
    public void ShippedCatalog_HasAShortLabelWhereverALabelWouldBeCut() =>
        Assert.Empty(CatalogButtonLabels.WouldBeCut(Shipped()));

    [Fact]
    public void LongLabelWithoutAShortOne_IsReported_NamingTheSettingToAdd()
    {
        var catalog = Shipped();
        catalog.Spheres[0].ShortLabel = null;

        var warning = Assert.Single(CatalogButtonLabels.WouldBeCut(catalog));

        Assert.StartsWith("Hromada:Catalog:Spheres:0 ('agro'): 'Сільське господарство", warning, StringComparison.Ordinal);
        Assert.EndsWith("set Hromada:Catalog:Spheres:0:ShortLabel.", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void SocialGroupLabel_LeavesRoomForTheTick()
    {
        var catalog = Shipped();
        catalog.SocialGroups.Add(new SocialGroupOption { Code = "students", Label = "Студенти та учні 1234" });

        Assert.Contains(CatalogButtonLabels.WouldBeCut(catalog), w => w.Contains("SocialGroups:7 ('students')", StringComparison.Ordinal) && w.Contains("18 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void ShortLabelLongerThanAButton_IsRejected_NamingTheSetting()
    {
        var catalog = Shipped();
        catalog.Districts[1].ShortLabel = "Вишнівський старостинський";

        var failure = Assert.Single(new CatalogOptionsValidator().Validate(null, catalog).Failures ?? []);

        Assert.Equal("Hromada:Catalog:Districts:1 ('vyshneve'): ShortLabel 'Вишнівський старостинський' is longer than 20 characters.", failure);
    }

    [Fact]
    public async Task Sync_StoresShortLabels_AndTheExclusiveGroup()
    {
        await using var host = await CoreTestHost.StartAsync();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();

        Assert.Equal("ЖКГ, дороги, звʼязок", (await db.Spheres.SingleAsync(s => s.Code == "infrastructure")).ShortLabel);
        Assert.Null((await db.Spheres.SingleAsync(s => s.Code == "other")).ShortLabel);
        Assert.Equal(["none"], await db.SocialGroups.Where(g => g.IsExclusive).Select(g => g.Code).ToListAsync());
    }
}
