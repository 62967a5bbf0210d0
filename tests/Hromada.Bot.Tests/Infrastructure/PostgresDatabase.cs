using Npgsql;

namespace Hromada.Bot.Tests.Infrastructure;

/// <summary>
/// A fresh, empty PostgreSQL database for one test, on the server HROMADA_TEST_POSTGRES names (a connection string
/// whose user may create databases, e.g. <c>Host=127.0.0.1;Username=hromada;Password=…;Database=postgres</c>); dropped
/// afterwards. <c>.ci/run</c> installs and starts PostgreSQL and sets the variable.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string Variable = "HROMADA_TEST_POSTGRES";

    private readonly string _server;

    private PostgresDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server's connection string, or null when the variable is not set.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    /// <summary>The settings that put a host on this database.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hromada:Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Hromada"] = ConnectionString,
    };

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var server = Server ?? throw new InvalidOperationException(
            $"{Variable} is not set, and HROMADA_REQUIRE_POSTGRES=1 asks for the PostgreSQL tests (see .ci/run).");
        var name = "hromada_t_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new PostgresDatabase(server, name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// A test against a real PostgreSQL server. Skipped with a reason when HROMADA_TEST_POSTGRES is not set, unless
/// HROMADA_REQUIRE_POSTGRES=1 (as in CI), where the missing server fails the test instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = DatabaseTheoryDiscoverer.PostgresSkipReason;
    }
}
