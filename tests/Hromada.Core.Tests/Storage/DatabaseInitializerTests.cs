using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Storage;

public sealed class DatabaseInitializerTests
{
    [Fact]
    public async Task Initialise_OnMissingFileInMissingFolder_CreatesItAndAppliesEveryMigration()
    {
        var nested = Path.Combine("nested", "deeper", "hromada.db");
        await using var host = await CoreTestHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:Hromada"] = $"Data Source={nested}" },
            initialise: false);
        var file = Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, nested);
        Assert.False(File.Exists(file));

        await host.Services.InitialiseHromadaAsync();

        Assert.True(File.Exists(file));
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Migrations_CreateEveryTableAndColumnTheModelUses()
    {
        // A migration generated against a stale snapshot once left a whole table out while claiming to be applied.
        await using var host = await CoreTestHost.StartAsync();
        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();

        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var table = entity.GetTableName()!;
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{table}')";
            var columns = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    columns.Add(reader.GetString(0));
                }
            }
            Assert.True(columns.Count > 0, $"table {table} is missing");
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table);
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(store);
                Assert.True(column is null || columns.Contains(column), $"column {table}.{column} is missing");
            }
        }
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes no migration captures");
    }

    [Fact]
    public async Task Initialise_SwitchesSqliteToWriteAheadLogging_WithABusyTimeout()
    {
        await using var host = await CoreTestHost.StartAsync();

        await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        await db.Database.OpenConnectionAsync();
        await using var busy = db.Database.GetDbConnection().CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout;";
        Assert.True((long)(await busy.ExecuteScalarAsync())! >= 5000);
    }

    [Fact]
    public async Task Initialise_Twice_IsHarmless_AndDoesNotSeedASecondConsultation()
    {
        await using var host = await CoreTestHost.StartAsync();

        await host.Services.InitialiseHromadaAsync();

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Assert.Equal(1, await db.Consultations.CountAsync());
    }

    [Theory]
    [InlineData("Data Source=data/hromada.db", "/srv/hromada/data/hromada.db")]
    [InlineData("Data Source=/var/lib/hromada/h.db", "/var/lib/hromada/h.db")]
    public void ResolveConnectionString_RelativeFile_IsUnderTheContentRoot(string configured, string expectedFile)
    {
        var resolved = StorageExtensions.ResolveConnectionString(configured, "/srv/hromada");

        Assert.Equal(expectedFile, new SqliteConnectionStringBuilder(resolved).DataSource);
    }

    [Fact]
    public void ResolveConnectionString_Missing_UsesTheDefaultFile()
    {
        var resolved = StorageExtensions.ResolveConnectionString(null, "/srv/hromada");

        Assert.Equal("/srv/hromada/data/hromada.db", new SqliteConnectionStringBuilder(resolved).DataSource);
    }

    [Fact]
    public void ResolveConnectionString_Garbage_NamesTheSetting()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageExtensions.ResolveConnectionString("Nonsense=1;=", "/srv"));

        Assert.Contains("ConnectionStrings:Hromada", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oracle")]
    [InlineData("1")]
    [InlineData("Postgres")]
    public void UnknownProvider_StopsTheStart_NamingTheSetting(string provider)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hromada:Database:Provider"] = provider,
        }).Build();

        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddHromadaStorage(configuration, "/srv"));

        Assert.Contains("Hromada:Database:Provider", ex.Message, StringComparison.Ordinal);
        Assert.Contains(provider, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("postgresql", DatabaseProvider.PostgreSql)]
    [InlineData("PostgreSql", DatabaseProvider.PostgreSql)]
    public void Provider_IsReadCaseInsensitively_SqliteByDefault(string? configured, DatabaseProvider expected) =>
        Assert.Equal(expected, DatabaseOptions.ReadProvider(configured));

    [Theory]
    [InlineData(null)]
    [InlineData("Host=;Database=hromada")]
    [InlineData("Host=127.0.0.1")]
    [InlineData("Nonsense=1;=")]
    public void PostgreSqlConnectionString_MissingOrIncomplete_NamesTheSetting(string? configured)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => StorageExtensions.ResolvePostgreSqlConnectionString(configured));

        Assert.Contains("ConnectionStrings:Hromada", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Initialise_FoldsAgainTheSearchTextOfProposalsStoredUnderOlderRules_SoSearchFindsThem()
    {
        await using var host = await CoreTestHost.StartAsync();
        int id;
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var proposal = await scope.ServiceProvider.GetRequiredService<Hromada.Core.Proposals.ProposalService>().SubmitAsync(new Hromada.Core.Proposals.NewProposal
            {
                ConsultationId = (await db.Consultations.FirstAsync()).Id,
                Channel = Hromada.Core.Proposals.Channel.Paper,
                ReceivedAt = host.Time.GetUtcNow(),
                AuthorCategoryId = (await db.AuthorCategories.FirstAsync()).Id,
                SphereId = (await db.Spheres.FirstAsync()).Id,
                Text = "Ремонт дороги в с. Кам`янка – Нове\nі тротуар",
                Actor = "test",
            });
            id = proposal.Id;
            // As an older version stored it: lower case, backtick, dash and line break kept.
            await db.Proposals.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SearchText, "ремонт дороги в с. кам`янка – нове\nі тротуар"));
        }

        await host.Services.InitialiseHromadaAsync();

        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var stored = await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == id);
            Assert.Equal(Hromada.Core.Proposals.Proposal.ToSearchText(stored.Text, stored.Reference, stored.UnlistedSettlement), stored.SearchText);
            Assert.Contains("камʼянка - нове і тротуар", stored.SearchText, StringComparison.Ordinal);
        }
    }
}
