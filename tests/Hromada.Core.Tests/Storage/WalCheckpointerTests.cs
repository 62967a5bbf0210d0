using Hromada.Core.Inbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Storage;

/// <summary>
/// SQLite's write-ahead log reaches the database file in the background (<see cref="WalCheckpointer"/>): the commit
/// that fills the log past SQLite's usual 1,000 pages does not stop to copy it (and flush the disk) while it holds the
/// write lock.
/// </summary>
public sealed class WalCheckpointerTests
{
    [Fact]
    public async Task CommitsLeaveTheCheckpointToTheBackground_WhichCopiesTheLogIntoTheDatabaseFile()
    {
        await using var host = await CoreTestHost.StartAsync();
        // SQLite also checkpoints when the last connection to a file closes (another test clearing the connection
        // pools would do that here): one connection outside the pool stays open, and attached to the log, throughout.
        await using var keepOpen = new SqliteConnection($"Data Source={host.DatabasePath};Pooling=False");
        await keepOpen.OpenAsync();
        // Opened, a connection has not touched the log yet: a first read attaches it (and it stays attached).
        await using (var attach = keepOpen.CreateCommand())
        {
            attach.CommandText = "SELECT count(*) FROM sqlite_master";
            await attach.ExecuteScalarAsync();
        }
        await using (var scope = host.Scope())
        {
            // What start-up wrote (the migrations) reaches the file first, so only what follows is in the log.
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(10_000L, await ScalarAsync(db, "PRAGMA wal_autocheckpoint"));
            await ScalarAsync(db, "PRAGMA wal_checkpoint(TRUNCATE)");
            await db.Database.CloseConnectionAsync();
        }
        var before = new FileInfo(host.DatabasePath).Length;

        // About 1,500 pages of new rows, in 30 commits: past SQLite's default mark of 1,000 pages.
        for (var batch = 0; batch < 30; batch++)
        {
            await using var scope = host.Scope();
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            for (var i = 0; i < 50; i++)
            {
                db.InboxItems.Add(new InboxItem
                {
                    Channel = Channel.Telegram, ExternalId = $"wal-{batch}-{i}", SenderKey = "wal", Payload = new string('x', 3000),
                    ReceivedAt = host.Time.GetUtcNow(), Status = InboxStatus.Done, NextAttemptAt = host.Time.GetUtcNow(),
                });
            }
            await db.SaveChangesAsync();
        }
        Assert.Equal(before, new FileInfo(host.DatabasePath).Length);
        Assert.True(new FileInfo(host.DatabasePath + "-wal").Length > 1_000 * 4096, "the rows are in the write-ahead log");

        using var checkpointer = ActivatorUtilities.CreateInstance<WalCheckpointer>(host.Services);
        await checkpointer.StartAsync(CancellationToken.None);
        try
        {
            for (var tick = 0; tick < 600 && new FileInfo(host.DatabasePath).Length == before; tick++)
            {
                host.Time.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(50);
            }
        }
        finally
        {
            await checkpointer.StopAsync(CancellationToken.None);
        }
        Assert.True(new FileInfo(host.DatabasePath).Length > before + 1_000 * 4096, "the log was copied into the database file");
        await using var check = host.Scope();
        Assert.Equal(1_500, await check.ServiceProvider.GetRequiredService<HromadaDbContext>().InboxItems.CountAsync(i => i.SenderKey == "wal"));
    }

    private static async Task<long> ScalarAsync(HromadaDbContext db, string sql)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
