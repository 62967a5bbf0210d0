using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Storage;

/// <summary>
/// The process's write turn (<see cref="SqliteWriteGate"/>) is handed on whatever happens to the write that took it:
/// a turn kept by a failed write would make every later write of the service wait for ever.
/// </summary>
public sealed class SqliteWriteGateTests
{
    [Fact]
    public async Task ATransactionThatCannotBegin_HandsTheWriteTurnOn()
    {
        await using var host = await CoreTestHost.StartAsync();
        var gate = host.Services.GetRequiredService<SqliteWriteGate>();
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            await db.Database.OpenConnectionAsync();
            // A database that may not be written (a read-only mount): SQLite refuses BEGIN IMMEDIATE itself.
            await db.Database.ExecuteSqlRawAsync("PRAGMA query_only = 1");
            var refused = await Assert.ThrowsAsync<SqliteException>(() => db.Database.BeginTransactionAsync());
            Assert.Equal(8, refused.SqliteErrorCode);

            // The same scope goes on: its next write must not wait for a turn it is said to hold already.
            Assert.True(IsFree(gate), "the write turn is still held after BEGIN failed");
            await db.Database.ExecuteSqlRawAsync("PRAGMA query_only = 0");
            await db.Database.CloseConnectionAsync();
        }

        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await transaction.CommitAsync();
        }
        Assert.True(IsFree(gate), "the write turn is still held after a commit");
    }

    [Fact]
    public async Task ATransactionThatCannotBegin_HandsTheWriteTurnOn_WhenBegunSynchronously()
    {
        await using var host = await CoreTestHost.StartAsync();
        var gate = host.Services.GetRequiredService<SqliteWriteGate>();
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        db.Database.OpenConnection();
        db.Database.ExecuteSqlRaw("PRAGMA query_only = 1");
        Assert.Throws<SqliteException>(() => db.Database.BeginTransaction());

        Assert.True(IsFree(gate), "the write turn is still held after BEGIN failed");
        db.Database.ExecuteSqlRaw("PRAGMA query_only = 0");
    }

    /// <summary>True when a write could take its turn at once (and hands it straight back).</summary>
    private static bool IsFree(SqliteWriteGate gate)
    {
        var entering = gate.EnterAsync(CancellationToken.None);
        if (!entering.IsCompleted)
        {
            return false;
        }
        entering.Result.Dispose();
        return true;
    }
}
