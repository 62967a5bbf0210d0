using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Storage;

/// <summary>Registers the database from <c>ConnectionStrings:Hromada</c>.</summary>
public static class StorageExtensions
{
    public const string ConnectionName = "Hromada";
    public const string DefaultConnectionString = "Data Source=data/hromada.db";

    /// <summary>
    /// Adds the EF Core context on SQLite. A relative file path is resolved against <paramref name="contentRoot"/>,
    /// so the service finds its database wherever it is started from.
    /// </summary>
    public static IServiceCollection AddHromadaStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var connectionString = ResolveConnectionString(configuration.GetConnectionString(ConnectionName), contentRoot);
        services.AddSingleton<SqliteWriteGate>();
        services.AddSingleton<SqliteWriteGateInterceptor>();
        // Pooled: a message passes through several short scopes, and a context from the pool skips most of the set-up.
        services.AddDbContextPool<HromadaDbContext>((sp, o) => o
            .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(30))
            // SQLite's table rebuilds turn foreign keys off with a PRAGMA, which SQLite ignores inside a transaction, so
            // EF runs it outside one and warns on every fresh start; nothing for the administrator to do (the migrations
            // are applied before the service takes requests), so it is information, not a warning.
            .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Information)))
            .AddInterceptors(new SqliteConnectionInterceptor(), sp.GetRequiredService<SqliteWriteGateInterceptor>()));
        return services;
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
