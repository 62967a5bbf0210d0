using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Storage;

/// <summary>
/// Makes an erasure reach the disk. SQLite writes a change to the <c>-wal</c> file first and copies it into the
/// database file at a checkpoint; until then the erased values stay in older pages of both files, and so in every
/// backup. With <c>secure_delete</c> on (set on every connection) a freed cell is zeroed when its page is rewritten;
/// this checkpoint then copies the rewritten pages over the old ones and empties the <c>-wal</c> (TRUNCATE). Called
/// after an erasure is committed and after retention blanked raw payloads.
/// </summary>
public sealed class ErasureCheckpoint(HromadaDbContext db, ILogger<ErasureCheckpoint> logger)
{
    /// <summary>Checkpoints and truncates the write-ahead log; true when every frame reached the database file.</summary>
    public async Task<bool> RunAsync(string why, CancellationToken ct = default)
    {
        if (!db.Database.IsSqlite())
        {
            return true;
        }
        try
        {
            var connection = db.Database.GetDbConnection();
            var opened = connection.State != System.Data.ConnectionState.Open;
            if (opened)
            {
                await connection.OpenAsync(ct);
            }
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await using var reader = await command.ExecuteReaderAsync(ct);
                // One row: busy (1 when a reader or writer kept it from finishing), log frames, frames checkpointed.
                var busy = await reader.ReadAsync(ct) && reader.GetInt32(0) != 0;
                if (busy)
                {
                    logger.LogWarning("Checkpoint after {Why}: the database was busy; erased values may stay in hromada.db-wal until the next checkpoint", why);
                    return false;
                }
                logger.LogInformation("Checkpoint after {Why}: the write-ahead log is copied into the database file and emptied", why);
                return true;
            }
            finally
            {
                if (opened)
                {
                    await connection.CloseAsync();
                }
            }
        }
        catch (SqliteException ex)
        {
            // The erasure itself is committed; only its copy on disk waits for SQLite's next automatic checkpoint.
            logger.LogWarning(ex, "Checkpoint after {Why} failed; erased values may stay in hromada.db-wal until the next checkpoint", why);
            return false;
        }
    }
}
