using Hromada.Core.Catalogs;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Hromada.Core.Tests.Configuration;

public sealed class ExampleConfigurationTests
{
    private static IConfigurationRoot Load(string file) =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, file), optional: false).Build();

    private static HashSet<string> Keys(IConfiguration configuration) =>
        configuration.AsEnumerable().Select(kv => kv.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void Example_DocumentsEverySettingTheServiceShipsWith()
    {
        var shipped = Keys(Load("appsettings.json"));
        var example = Keys(Load("appsettings.example.json"));

        var undocumented = shipped
            .Where(k => !k.StartsWith("Logging", StringComparison.Ordinal) && k != "AllowedHosts")
            .Where(k => !example.Contains(k))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(undocumented);
    }

    [Fact]
    public async Task Example_StartsTheServiceWithAValidCatalog()
    {
        var example = Load("appsettings.example.json");
        var overrides = example.AsEnumerable().Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);
        overrides.Remove("ConnectionStrings:Hromada");

        await using var host = await CoreTestHost.StartAsync(overrides);

        var catalog = new CatalogOptions();
        example.GetSection(CatalogOptions.Section).Bind(catalog);
        Assert.Empty(new CatalogOptionsValidator().Validate(null, catalog).Failures ?? []);
    }
}
