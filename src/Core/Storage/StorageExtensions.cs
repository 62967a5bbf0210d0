using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hromada.Core.Storage;

/// <summary>Registers the database from <c>ConnectionStrings:Hromada</c> on the engine <c>Hromada:Database:Provider</c> names.</summary>
public static class StorageExtensions
{
    public const string ConnectionName = "Hromada";
    public const string DefaultConnectionString = "Data Source=data/hromada.db";

    /// <summary>The assembly holding PostgreSQL's migrations (SQLite's are in this one, Storage/Migrations).</summary>
    public const string PostgreSqlMigrationsAssembly = "Hromada.Migrations.PostgreSql";

    /// <summary>
    /// Adds the EF Core context on SQLite or PostgreSQL. A relative SQLite file path is resolved against
    /// <paramref name="contentRoot"/>, so the service finds its database wherever it is started from.
    /// </summary>
    public static IServiceCollection AddHromadaStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var provider = DatabaseOptions.ReadProvider(configuration[DatabaseOptions.ProviderSetting]);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).Configure(o => o.Provider = provider)
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<StorageHealth>();
        if (provider == DatabaseProvider.PostgreSql)
        {
            var pg = ResolvePostgreSqlConnectionString(configuration.GetConnectionString(ConnectionName));
            services.AddDbContextPool<HromadaDbContext>(o => o
                .UseNpgsql(pg, npgsql => npgsql.MigrationsAssembly(PostgreSqlMigrationsAssembly).CommandTimeout(30))
                .ConfigureWarnings(w => SkipModelCheckAtStart(w)));
            services.AddSingleton(sp => DiskSpace(sp, null));
            return services;
        }
        var connectionString = ResolveConnectionString(configuration.GetConnectionString(ConnectionName), contentRoot);
        services.AddSingleton(sp => DiskSpace(sp, DatabaseDiskSpace.FolderOf(connectionString)));
        services.AddSingleton<SqliteWriteGateInterceptor>();
        services.AddHostedService<WalCheckpointer>();
        // Pooled: a message passes through several short scopes, and a context from the pool skips most of the set-up.
        services.AddDbContextPool<HromadaDbContext>((sp, o) => o
            .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30))
            // SQLite's table rebuilds turn foreign keys off with a PRAGMA, which SQLite ignores inside a transaction, so
            // EF runs it outside one and warns on every fresh start; nothing for the administrator to do (the migrations
            // are applied before the service takes requests), so it is information, not a warning.
            .ConfigureWarnings(w => SkipModelCheckAtStart(w).Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information)))
            .AddInterceptors(new SqliteConnectionInterceptor(), sp.GetRequiredService<SqliteWriteGateInterceptor>()));
        return services;
    }

    /// <summary>
    /// Migrate, before it applies anything, builds the migrations' snapshot model and compares it with the model, only to
    /// warn that a migration is missing: code and types loaded at every fresh start and never needed again (idle memory).
    /// Whether the migrations capture the model is the tests' check (DatabaseInitializerTests, PostgreSqlTests), made on
    /// every build, not the service's at every start; ignoring the warning is what makes EF skip the comparison.
    /// </summary>
    private static WarningsConfigurationBuilder SkipModelCheckAtStart(WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(RelationalEventId.PendingModelChangesWarning);

    private static DatabaseDiskSpace DiskSpace(IServiceProvider services, string? folder) =>
        new(folder, services.GetRequiredService<IOptions<DatabaseOptions>>(), services.GetRequiredService<ILogger<DatabaseDiskSpace>>());

    /// <summary>The provider <paramref name="configuration"/> names (absent: SQLite).</summary>
    public static DatabaseProvider Provider(IConfiguration configuration) =>
        DatabaseOptions.ReadProvider(configuration[DatabaseOptions.ProviderSetting]);

    /// <summary>Checks a PostgreSQL connection string; a missing or malformed one stops the service naming the setting.</summary>
    public static string ResolvePostgreSqlConnectionString(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionName} is empty; with {DatabaseOptions.ProviderSetting} = PostgreSql it must name the database, " +
                "e.g. Host=127.0.0.1;Database=hromada;Username=hromada;Password=…");
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(configured);
            if (string.IsNullOrWhiteSpace(builder.Host) || string.IsNullOrWhiteSpace(builder.Database))
            {
                throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} must give Host and Database for PostgreSQL.");
            }
            return builder.ConnectionString;
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not a valid PostgreSQL connection string: {ex.Message}", ex);
        }
    }

    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        SqliteConnectionStringBuilder builder;
        try
        {
            builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? DefaultConnectionString : configured);
        }
        catch (ArgumentException ex)
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not a valid SQLite connection string: {ex.Message}", ex);
        }

        var file = builder.DataSource;
        if (string.IsNullOrWhiteSpace(file))
        {
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} has no Data Source.");
        }
        if (file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal) && !Path.IsPathRooted(file))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, file));
        }
        return builder.ToString();
    }
}
