using System.Net.Sockets;
using Npgsql;

namespace Hromada.Core.Storage.PostgreSql;

/// <summary>
/// Connections of their own (not from the pool) for the session locks the service holds: a session advisory lock lives
/// as long as its connection, so the connection must really close when the lock is let go.
/// </summary>
internal static class PostgreSqlConnections
{
    /// <summary>
    /// Opens an unpooled connection to the database <paramref name="connectionString"/> names; a server that cannot be
    /// reached or refuses the login stops the start with a message naming the settings (and no password).
    /// </summary>
    public static async Task<NpgsqlConnection> OpenUnpooledAsync(string connectionString, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or SocketException)
        {
            await connection.DisposeAsync();
            throw Unreachable(builder, ex);
        }
    }

    /// <summary>The start-up failure for a database that cannot be reached: names the settings and what they say.</summary>
    public static InvalidOperationException Unreachable(NpgsqlConnectionStringBuilder builder, Exception ex) => new(
        $"Cannot connect to the PostgreSQL database that ConnectionStrings:{StorageExtensions.ConnectionName} names " +
        $"(Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}), " +
        $"with {DatabaseOptions.ProviderSetting} = PostgreSql: {ex.Message}. Check that the server runs and accepts this user " +
        "from this machine (pg_hba.conf), and the connection string.",
        ex);
}
