using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Hromada.Admin.Intake;
using Hromada.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hromada.Benchmarks;

/// <summary>
/// Rows per second of the Google Forms import into a fresh SQLite file: rows/s = Rows / Mean. Each iteration imports
/// the whole file into an empty database, so it measures one real import, not a warmed-up loop.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
[MemoryDiagnoser]
public class GoogleFormsImportBenchmarks
{
    private string _csv = "";
    private string _folder = "";
    private ServiceProvider? _services;

    [Params(2_000, 200_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _csv = MakeCsv(Rows);

    [IterationSetup]
    public void FreshDatabase()
    {
        _folder = Path.Combine(Path.GetTempPath(), "hromada-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Hromada"] = $"Data Source={_folder}/b.db",
                ["Hromada:Admin:GoogleForms:MaxRows"] = "200000",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHromadaCore(configuration, _folder);
        services.AddOptions<GoogleFormsOptions>().BindConfiguration(GoogleFormsOptions.Section);
        services.AddScoped<GoogleFormsImporter>();
        _services = services.BuildServiceProvider();
        _services.InitialiseHromadaAsync().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<int> Import()
    {
        await using var scope = _services!.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<GoogleFormsImporter>().ImportAsync(_csv, false, 1, "bench", CancellationToken.None);
        return report.Imported == Rows ? report.Imported : throw new InvalidOperationException($"Imported {report.Imported} of {Rows}.");
    }

    [IterationCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A form export of <paramref name="rows"/> distinct, valid answers.</summary>
    public static string MakeCsv(int rows)
    {
        var csv = new StringBuilder("\"Позначка часу\",\"Категорія автора\",\"Соціальна група\",\"Населений пункт\",\"Сфера\",\"Тема\",\"Ваша пропозиція\",\"Прізвище, імʼя, по батькові\",\"Телефон\",\"Електронна пошта\"\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"\"20.11.2026 {i / 3600 % 24}:{i / 60 % 60:D2}:{i % 60:D2}\",\"Фізична особа\",\"Молодь (14–35 років)\",\"с. Камʼянка\",\"Соціально-гуманітарна сфера\",\"Молодь\",\"Відкрити молодіжний простір у клубі, пропозиція номер {i}\",\"Марія Шевчук\",\"+38093{i % 10_000_000:D7}\",\"\"\n");
        }
        return csv.ToString();
    }
}
