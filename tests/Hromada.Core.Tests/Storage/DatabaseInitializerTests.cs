using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
}
