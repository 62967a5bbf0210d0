using System.Reflection;
using Hromada.Core.Storage;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Hromada.Bot.Tests.Infrastructure;

/// <summary>
/// The database a test runs on, chosen by the test's <see cref="DatabaseProvider"/> parameter: a SQLite file in a temp
/// folder, or a fresh database on the PostgreSQL server HROMADA_TEST_POSTGRES names. It outlives the hosts a test starts
/// on it (a restart finds its data), and is deleted or dropped at the end.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresDatabase? _postgres;
    private readonly string? _folder;

    private TestDatabase(DatabaseProvider provider, PostgresDatabase? postgres, string? folder)
    {
        Provider = provider;
        _postgres = postgres;
        _folder = folder;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>The settings that put a host on this database.</summary>
    public IDictionary<string, string?> Settings => _postgres?.Settings ?? new Dictionary<string, string?>
    {
        ["ConnectionStrings:Hromada"] = $"Data Source={Path.Combine(_folder!, "hromada.db")}",
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            return new TestDatabase(provider, await PostgresDatabase.CreateAsync(), null);
        }
        var folder = Path.Combine(Path.GetTempPath(), "hromada-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new TestDatabase(provider, null, folder);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            return;
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder!, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp cleaner.
        }
    }
}

/// <summary>
/// A test run once on each database engine: its <see cref="DatabaseProvider"/> parameter is SQLite, then PostgreSQL.
/// The PostgreSQL run is skipped with a reason when HROMADA_TEST_POSTGRES is not set, unless HROMADA_REQUIRE_POSTGRES=1
/// (CI), where it runs and fails without a server.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
[XunitTestCaseDiscoverer("Hromada.Bot.Tests.Infrastructure.DatabaseTheoryDiscoverer", "Hromada.Bot.Tests")]
public sealed class DatabaseTheoryAttribute : TheoryAttribute;

/// <summary>The rows of a <see cref="DatabaseTheoryAttribute"/>: each database engine.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnEachDatabaseAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        [[DatabaseProvider.Sqlite], [DatabaseProvider.PostgreSql]];
}

/// <summary>Skips the PostgreSQL row when there is no server to run it on (see <see cref="DatabaseTheoryAttribute"/>).</summary>
public sealed class DatabaseTheoryDiscoverer(IMessageSink diagnosticMessageSink) : TheoryDiscoverer(diagnosticMessageSink)
{
    /// <summary>Why the PostgreSQL runs are skipped here, or null when they run.</summary>
    public static string? PostgresSkipReason =>
        PostgresDatabase.Server is null && Environment.GetEnvironmentVariable("HROMADA_REQUIRE_POSTGRES") != "1"
            ? $"PostgreSQL is not available (set {PostgresDatabase.Variable} to a connection string; .ci/run does)."
            : null;

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(
        ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod, IAttributeInfo theoryAttribute, object[] dataRow)
    {
        ArgumentNullException.ThrowIfNull(dataRow);
        return dataRow is [DatabaseProvider.PostgreSql, ..] && PostgresSkipReason is { } reason
            ? CreateTestCasesForSkippedDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow, reason)
            : base.CreateTestCasesForDataRow(discoveryOptions, testMethod, theoryAttribute, dataRow);
    }
}
