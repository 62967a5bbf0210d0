using Hromada.Core.Catalogs;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Tests.Catalogs;

public sealed class CatalogOptionsValidatorTests
{
    private static CatalogOptions ValidCatalog() => new()
    {
        Spheres = [new SphereOption { Code = "roads", Label = "Дороги", Topics = [new() { Code = "lighting", Label = "Освітлення" }] }],
        Districts = [new CatalogEntryOption { Code = "north", Label = "Північний округ" }],
        Settlements = [new SettlementOption { Code = "kamianka", Label = "Камʼянка", District = "north" }],
        AuthorCategories = [new AuthorCategoryOption { Code = "person", Label = "Фізична особа", Asks = AuthorDetail.SocialGroups }],
        SocialGroups = [new SocialGroupOption { Code = "youth", Label = "Молодь" }],
    };

    private static List<string> Failures(CatalogOptions options) =>
        new CatalogOptionsValidator().Validate(null, options).Failures?.ToList() ?? [];

    [Fact]
    public void Validate_ValidCatalog_Succeeds() =>
        Assert.Empty(Failures(ValidCatalog()));

    [Fact]
    public void Validate_DuplicateSettlementCode_NamesBothEntries()
    {
        var catalog = ValidCatalog();
        catalog.Settlements.Add(new SettlementOption { Code = "KAMIANKA", Label = "Камʼянка друга", District = "north" });

        var failure = Assert.Single(Failures(catalog));

        Assert.Contains("Hromada:Catalog:Settlements:1", failure, StringComparison.Ordinal);
        Assert.Contains("duplicate code 'KAMIANKA'", failure, StringComparison.Ordinal);
        Assert.Contains("Hromada:Catalog:Settlements:0", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateTopicCodeInsideSphere_NamesTheTopic()
    {
        var catalog = ValidCatalog();
        catalog.Spheres[0].Topics.Add(new CatalogEntryOption { Code = "lighting", Label = "Ще раз" });

        var failure = Assert.Single(Failures(catalog));

        Assert.Contains("Hromada:Catalog:Spheres:0:Topics:1", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SettlementInMissingDistrict_NamesSettlementAndDistrict()
    {
        var catalog = ValidCatalog();
        catalog.Settlements.Add(new SettlementOption { Code = "ozerne", Label = "Озерне", District = "south" });

        var failure = Assert.Single(Failures(catalog));

        Assert.Contains("Settlements:1 ('ozerne')", failure, StringComparison.Ordinal);
        Assert.Contains("district 'south' is not in Hromada:Catalog:Districts", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyLabel_NamesTheEntry()
    {
        var catalog = ValidCatalog();
        catalog.Spheres[0].Label = "  ";

        var failure = Assert.Single(Failures(catalog));

        Assert.Equal("Hromada:Catalog:Spheres:0 ('roads'): Label is empty.", failure);
    }

    [Fact]
    public void Validate_EmptyCode_NamesThePosition()
    {
        var catalog = ValidCatalog();
        catalog.Districts.Add(new CatalogEntryOption { Code = "", Label = "Без коду" });

        Assert.Contains("Hromada:Catalog:Districts:1: Code is empty.", Failures(catalog));
    }

    [Fact]
    public void Validate_CodeWithSpaces_IsRejected()
    {
        var catalog = ValidCatalog();
        catalog.Districts[0].Code = "north district";
        catalog.Settlements[0].District = "north district";

        Assert.Contains(Failures(catalog), f => f.Contains("Districts:0 ('north district'): Code must be", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoSpheres_SaysOneIsRequired()
    {
        var catalog = ValidCatalog();
        catalog.Spheres.Clear();

        Assert.Contains("Hromada:Catalog:Spheres: at least one entry is required.", Failures(catalog));
    }

    [Fact]
    public void Validate_CategoryAskingForSocialGroupsWithoutAny_IsRejected()
    {
        var catalog = ValidCatalog();
        catalog.SocialGroups.Clear();

        Assert.Contains(Failures(catalog), f => f.StartsWith("Hromada:Catalog:SocialGroups:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ReviewBodyWithUnknownSphere_NamesIt()
    {
        var catalog = ValidCatalog();
        catalog.ReviewBodies.Add(new ReviewBodyOption { Code = "sg-roads", Label = "Підгрупа", Spheres = ["water"] });

        var failure = Assert.Single(Failures(catalog));

        Assert.Contains("ReviewBodies:0 ('sg-roads'): sphere 'water'", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void ShippedExampleCatalog_IsValidAndRealistic()
    {
        var configuration = CoreTestHost.BuildConfiguration(Path.GetTempPath());
        var services = new ServiceCollection();
        services.AddOptions<CatalogOptions>().BindConfiguration(CatalogOptions.Section);
        services.AddSingleton(configuration as Microsoft.Extensions.Configuration.IConfiguration);
        var catalog = services.BuildServiceProvider().GetRequiredService<IOptions<CatalogOptions>>().Value;

        Assert.Empty(Failures(catalog));
        Assert.True(catalog.Districts.Count >= 3);
        Assert.True(catalog.Settlements.Count >= 15);
        Assert.Contains(catalog.Spheres, s => s.Code == "other");
        Assert.All(catalog.Spheres.Where(s => s.Code != "other"), s => Assert.True(s.Topics.Count >= 2, s.Code));
        Assert.DoesNotContain(catalog.Settlements, s => s.Label.Contains('\'', StringComparison.Ordinal));
    }
}
