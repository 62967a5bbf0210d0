using Hromada.Core.Storage.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hromada.Core.Storage;

/// <summary>
/// One instance at a time through the start-up on PostgreSQL: migrations, the catalog sync, the first consultation and
/// the first admin key are each done once however many instances start together on an empty database. Held as a
/// session advisory lock on a connection of its own, so an instance killed mid-start lets the next one in. On SQLite
/// (one instance per file) there is nothing to take.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    /// <summary>The lock's key: fixed, and different from the migrations' (<see cref="DatabaseInitializer"/>), which is taken inside it.</summary>
    private const long Key = 29399220479943778;

    private readonly NpgsqlConnection? _connection;

    private StartupLock(NpgsqlConnection? connection) => _connection = connection;

    /// <summary>Waits (up to 10 minutes) until no other instance is starting, and holds the lock until disposed.</summary>
    public static async Task<StartupLock> TakeAsync(IServiceProvider services, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        string? connectionString;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            if (!db.Database.IsNpgsql())
            {
                return new StartupLock(null);
            }
            connectionString = db.Database.GetConnectionString();
        }
        var connection = await PostgreSqlConnections.OpenUnpooledAsync(connectionString!, ct);
        try
        {
            await using var take = new NpgsqlCommand($"SELECT pg_advisory_lock({Key})", connection) { CommandTimeout = 600 };
            await take.ExecuteNonQueryAsync(ct);
            return new StartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }
        try
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({Key})", _connection);
            await release.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException)
        {
            // The connection is gone, and the lock with it.
        }
        await _connection.DisposeAsync();
    }
}
