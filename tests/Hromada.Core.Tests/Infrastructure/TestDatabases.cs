using System.Reflection;
using Hromada.Core.Storage;
using Npgsql;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Hromada.Core.Tests.Infrastructure;

/// <summary>
/// A fresh, empty PostgreSQL database for one test, on the server HROMADA_TEST_POSTGRES names (a connection string whose
/// user may create databases); dropped afterwards. <c>.ci/run</c> installs and starts PostgreSQL and sets the variable.
/// </summary>
public sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string Variable = "HROMADA_TEST_POSTGRES";

    private readonly string _server;

    private PostgresTestDatabase(string server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = true }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>The server's connection string, or null when the variable is not set.</summary>
    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    /// <summary>Why the PostgreSQL runs are skipped here, or null when they run (always run with HROMADA_REQUIRE_POSTGRES=1, as in CI).</summary>
    public static string? SkipReason =>
        Server is null && Environment.GetEnvironmentVariable("HROMADA_REQUIRE_POSTGRES") != "1"
            ? $"PostgreSQL is not available (set {Variable} to a connection string; .ci/run does)."
            : null;

    /// <summary>The settings that put Core on this database.</summary>
    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Hromada:Database:Provider"] = "PostgreSql",
        ["ConnectionStrings:Hromada"] = ConnectionString,
    };

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        var server = Server ?? throw new InvalidOperationException(
            $"{Variable} is not set, and HROMADA_REQUIRE_POSTGRES=1 asks for the PostgreSQL tests (see .ci/run).");
        var name = "hromada_c_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(server, name);
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
/// A test run once on each database engine: its <see cref="DatabaseProvider"/> parameter is SQLite, then PostgreSQL
/// (pass it to <see cref="CoreTestHost.StartAsync"/>). The PostgreSQL run is skipped with a reason when
/// HROMADA_TEST_POSTGRES is not set, unless HROMADA_REQUIRE_POSTGRES=1 (CI), where it runs and fails without a server.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Hromada.Core.Tests.Infrastructure.DatabaseTheoryDiscoverer", "Hromada.Core.Tests")]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

/// <summary>The rows of a <see cref="DatabaseTheoryAttribute"/>: each database engine.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnEachDatabaseAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.PostgreSql]];
}

/// <summary>
/// The one row of a <see cref="DatabaseTheoryAttribute"/> about what only PostgreSQL does (several instances sharing
/// one database): skipped like the PostgreSQL row of <see cref="OnEachDatabaseAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgreSqlAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.PostgreSql]];
}

/// <summary>Skips the PostgreSQL row when there is no server to run it on (see <see cref="DatabaseTheoryAttribute"/>).</summary>
public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        ArgumentNullException.ThrowIfNull(dataRow);
        return dataRow is [DatabaseProvider.PostgreSql, ..] && PostgresTestDatabase.SkipReason is { } reason
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason)
            : base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }
}
