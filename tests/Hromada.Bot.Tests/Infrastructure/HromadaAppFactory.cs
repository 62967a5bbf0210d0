using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Bot.Tests.Infrastructure;

/// <summary>
/// The real host (Program) on a fresh SQLite file in a temp folder, with configuration overrides and a
/// <see cref="FakeTimeProvider"/>. Use <see cref="WithSettings"/> before the first request.
/// For tests that need a real TCP port (a browser, a fake server calling back), call <see cref="UseKestrel(int)"/>.
/// </summary>
public sealed class HromadaAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];

    public HromadaAppFactory()
    {
        Folder = Path.Combine(Path.GetTempPath(), "hromada-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        _settings["ConnectionStrings:Hromada"] = $"Data Source={Path.Combine(Folder, "hromada.db")}";
        _settings["Hromada:Admin:BootstrapKey"] = TestAdminKey;
    }

    /// <summary>The Admin key the test host is bootstrapped with.</summary>
    public const string TestAdminKey = "test-admin-key-0123456789abcdef-0123";

    public string Folder { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));

    public HromadaAppFactory WithSettings(IDictionary<string, string?> settings)
    {
        foreach (var (k, v) in settings)
        {
            _settings[k] = v;
        }
        return this;
    }

    /// <summary>Puts the host on <paramref name="database"/> (SQLite or PostgreSQL) instead of its own SQLite file.</summary>
    public HromadaAppFactory WithDatabase(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return WithSettings(database.Settings);
    }

    public HromadaAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>
    /// Moves the fake clock <paramref name="step"/> at a time until <paramref name="work"/> is done: for a request the
    /// service holds on its clock (bounded in real time only against a hang).
    /// </summary>
    public async Task<T> WhileTheClockMovesAsync<T>(Task<T> work, TimeSpan step)
    {
        ArgumentNullException.ThrowIfNull(work);
        var deadline = Environment.TickCount64 + 60_000;
        while (!work.IsCompleted)
        {
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException("Gave up waiting for work held on the service's clock.");
            }
            Time.Advance(step);
            await Task.WhenAny(work, Task.Delay(20));
        }
        return await work;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (k, v) in _settings)
        {
            builder.UseSetting(k, v);
        }
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}
