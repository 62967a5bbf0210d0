using Npgsql;

namespace Hromada.LoadTest;

/// <summary>A fresh PostgreSQL database for one run (--provider postgres), dropped at the end.</summary>
internal sealed class PostgresRun : IAsyncDisposable
{
    private readonly string _server;

    private PostgresRun(string server, string connectionString)
    {
        _server = server;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PostgresRun> CreateAsync(string server)
    {
        var name = "hromada_load_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new PostgresRun(server, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    /// <summary>Outbox messages an instance had claimed and not recorded as sent: at a kill, the sends in flight.</summary>
    public async Task<long> ClaimedRepliesAsync(string instanceId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"LeaseOwner\" = @me AND \"Status\" = 'Pending'", connection);
        count.Parameters.AddWithValue("me", instanceId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    /// <summary>The recipients of the outbox messages an instance had claimed and not recorded as sent.</summary>
    public async Task<IReadOnlyList<string>> ClaimedRecipientsAsync(string instanceId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var select = new NpgsqlCommand("SELECT \"Recipient\" FROM \"OutboxMessages\" WHERE \"LeaseOwner\" = @me AND \"Status\" = 'Pending'", connection);
        select.Parameters.AddWithValue("me", instanceId);
        await using var reader = await select.ExecuteReaderAsync();
        var recipients = new List<string>();
        while (await reader.ReadAsync())
        {
            recipients.Add(reader.GetString(0));
        }
        return recipients;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
