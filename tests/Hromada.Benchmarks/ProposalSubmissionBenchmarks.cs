using BenchmarkDotNet.Attributes;
using Hromada.Core;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Benchmarks;

/// <summary>How fast proposals are stored with their reference number on the default SQLite file.</summary>
[MemoryDiagnoser]
public class ProposalSubmissionBenchmarks
{
    private ServiceProvider _services = null!;
    private NewProposal _draft = null!;
    private string _folder = "";

    [Params(1, 4)]
    public int Writers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "hromada-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Hromada"] = $"Data Source={_folder}/b.db" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHromadaCore(configuration, _folder);
        _services = services.BuildServiceProvider();
        _services.InitialiseHromadaAsync().GetAwaiter().GetResult();

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        _draft = new NewProposal
        {
            ConsultationId = db.Consultations.First().Id,
            Channel = Channel.Telegram,
            ReceivedAt = DateTimeOffset.UnixEpoch.AddYears(56),
            AuthorCategoryId = db.AuthorCategories.First().Id,
            SphereId = db.Spheres.First().Id,
            Text = "Відремонтувати дорогу між Камʼянкою та Забірʼям, облаштувати узбіччя і освітлення",
            Actor = "bench",
        };
    }

    /// <summary>100 proposals split across <see cref="Writers"/> concurrent writers.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public async Task Submit100()
    {
        var perWriter = 100 / Writers;
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                await using var scope = _services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ProposalService>().SubmitAsync(_draft);
            }
        })));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
