using Hromada.Core;
using Hromada.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Infrastructure;

/// <summary>
/// Core wired as the host wires it, on a real SQLite file in a temp folder (or, given <see cref="DatabaseProvider.PostgreSql"/>,
/// a fresh PostgreSQL database, see <see cref="PostgresTestDatabase"/>), with the shipped example configuration
/// (src/Bot/appsettings.json) plus per-test overrides, and a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class CoreTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultStart = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly string _folder;

    private Action<IServiceCollection>? _configure;

    private PostgresTestDatabase? _postgres;

    private CoreTestHost(string folder, ServiceProvider services, FakeTimeProvider time, IConfiguration configuration)
    {
        _folder = folder;
        Services = services;
        Time = time;
        Configuration = configuration;
    }

    public ServiceProvider Services { get; private set; }
    public FakeTimeProvider Time { get; }
    public IConfiguration Configuration { get; }
    public string DatabasePath => Path.Combine(_folder, "hromada.db");

    /// <summary>Builds the services; <paramref name="initialise"/> runs migrations, catalog sync and the consultation seed.</summary>
    public static async Task<CoreTestHost> StartAsync(
        IDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null,
        bool initialise = true,
        DateTimeOffset? now = null,
        DatabaseProvider database = DatabaseProvider.Sqlite)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hromada-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var postgres = database == DatabaseProvider.PostgreSql ? await PostgresTestDatabase.CreateAsync() : null;
        if (postgres is not null)
        {
            overrides = new Dictionary<string, string?>(overrides ?? new Dictionary<string, string?>());
            foreach (var (key, value) in postgres.Settings)
            {
                overrides[key] = value;
            }
        }
        var configuration = BuildConfiguration(folder, overrides);
        var time = new FakeTimeProvider(now ?? DefaultStart);

        var provider = Build(folder, configuration, time, configureServices);
        var host = new CoreTestHost(folder, provider, time, configuration) { _configure = configureServices, _postgres = postgres };
        if (initialise)
        {
            await provider.InitialiseHromadaAsync();
        }
        return host;
    }

    private static ServiceProvider Build(string folder, IConfiguration configuration, FakeTimeProvider time, Action<IServiceCollection>? configure)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton(configuration);
        services.AddSingleton<TimeProvider>(time);
        services.AddHromadaCore(configuration, folder);
        services.AddSingleton<Hromada.Core.Announcements.IChannelTargets, ConfiguredChannels>();
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>Stops every service and starts them again on the same database, as a service restart would.</summary>
    public async Task RestartAsync()
    {
        await Services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Services = Build(_folder, Configuration, Time, _configure);
        await Services.InitialiseHromadaAsync();
    }

    public static IConfigurationRoot BuildConfiguration(string folder, IDictionary<string, string?>? overrides = null)
    {
        var defaults = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Hromada"] = $"Data Source={Path.Combine(folder, "hromada.db")}",
        };
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .AddInMemoryCollection(defaults)
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();
    }

    /// <summary>A fresh scope with its own DbContext, as one request or one message would have.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the OS is left for the temp cleaner; it must not fail the test.
        }
    }
}
