using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Storage;

/// <summary>
/// Copies SQLite's write-ahead log into the database file in the background, once a second, so that no commit waits for
/// it. Left to SQLite, the commit that fills the log to 1,000 pages runs the checkpoint itself — with two flushes to
/// disk (<c>synchronous = NORMAL</c> flushes only there) — while it holds the write lock, and every webhook and turn
/// behind it waits: under the load tool, a stall of tens to hundreds of milliseconds every second or so. A passive
/// checkpoint here never blocks a writer or a reader (it copies what it can and leaves the rest for the next one);
/// every connection's own automatic checkpoint is raised to <see cref="AutomaticPages"/> pages
/// (<see cref="SqliteConnectionInterceptor"/>), a bound on the log should this service fall behind or not run (the
/// keys command line).
/// </summary>
internal sealed class WalCheckpointer(IServiceScopeFactory scopes, TimeProvider time, ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>The log's length (pages of 4 KB) at which a connection still checkpoints by itself.</summary>
    public const int AutomaticPages = 10_000;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // A delay at a time, not a periodic timer: a clock moved on by a day (the tests' clock) wakes this once, not
            // 86,400 times.
            while (true)
            {
                await Task.Delay(Interval, time, stoppingToken);
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (SqliteException ex)
        {
            // A full disk, a locked file: the writers' own automatic checkpoint still bounds the log.
            logger.LogDebug(ex, "Background checkpoint failed; the next one tries again");
        }
    }
}
