using BenchmarkDotNet.Attributes;
using Hromada.Core;
using Hromada.Core.Announcements;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Benchmarks;

/// <summary>
/// How long writing a broadcast's delivery rows takes for 10,000 Telegram subscribers on the default SQLite file
/// (batches of <see cref="AnnouncementOptions.BatchSize"/>, each committed with its cursor). Sending them is the senders'.
/// </summary>
[MemoryDiagnoser]
public class AnnouncementFanOutBenchmarks
{
    private const int Subscribers = 10_000;

    private ServiceProvider _services = null!;
    private string _folder = "";
    private long _announcementId;

    [Params(500)]
    public int BatchSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "hromada-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:Hromada"] = $"Data Source={_folder}/b.db",
                ["Hromada:Telegram:Token"] = "123456789:BENCH",
                ["Hromada:Announcements:BatchSize"] = BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Hromada:Announcements:Notices:ConsultationOpened:Enabled"] = "false",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHromadaCore(configuration, _folder);
        _services = services.BuildServiceProvider();
        _services.InitialiseHromadaAsync().GetAwaiter().GetResult();

        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var now = DateTimeOffset.UnixEpoch.AddYears(56);
        db.Residents.AddRange(Enumerable.Range(0, Subscribers).Select(i => new Resident
        {
            Channel = Channel.Telegram,
            ChannelUserId = (100_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = now,
            IsSubscribed = true,
        }));
        db.SaveChanges();
    }

    [IterationSetup]
    public void NewAnnouncement()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        db.Database.ExecuteSqlRaw("DELETE FROM OutboxMessages");
        var a = new Announcement
        {
            PublicId = Guid.NewGuid(),
            Text = "Громадське обговорення проєкту Програми відновлення — у четвер о 15:00 в будинку культури.",
            SendAt = TimeProvider.System.GetUtcNow().AddSeconds(-1),
            Status = AnnouncementStatus.Scheduled,
            CreatedAt = TimeProvider.System.GetUtcNow(),
            CreatedBy = "bench",
            Targets = [new AnnouncementTargetProgress { Target = AnnouncementTarget.TelegramSubscribers }],
        };
        db.Announcements.Add(a);
        db.SaveChanges();
        _announcementId = a.Id;
    }

    /// <summary>One broadcast: a delivery row for each of the 10,000 subscribers.</summary>
    [Benchmark]
    public async Task FanOut10000()
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AnnouncementBroadcaster>().RunAsync(_announcementId);
        if (result.Enqueued != Subscribers)
        {
            throw new InvalidOperationException($"Wrote {result.Enqueued} rows, not {Subscribers}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
