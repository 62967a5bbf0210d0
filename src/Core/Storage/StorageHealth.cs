using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hromada.Core.Storage;

/// <summary>
/// Whether the database can be written right now — what <c>/healthz</c> asks before it says "ok": a database that
/// answers reads but cannot take a proposal (a full disk, a read-only file or mount) is not healthy. On SQLite a small
/// write is tried: a table created and dropped in one committed transaction, which needs a page the file may not be able
/// to grow by (SQLITE_FULL) and a change the file may not take (SQLITE_READONLY); on PostgreSQL, whether the server
/// takes writes (a read-only server or standby). Going wrong is logged as an error with the reason, getting well again
/// as information — once each, not on every check.
/// </summary>
public sealed class StorageHealth(SqliteWriteGate gate, ILogger<StorageHealth> logger)
{
    private const string Probe = "CREATE TABLE \"__HealthProbe\" (Id INTEGER PRIMARY KEY); DROP TABLE \"__HealthProbe\";";
    private readonly Lock _lock = new();
    private string? _problem;

    /// <summary>Null when the database took the probe write; else why not, in a sentence.</summary>
    public async Task<string?> ProbeAsync(HromadaDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        string? problem;
        Exception? failure = null;
        try
        {
            problem = db.Database.IsNpgsql() ? await PostgreSqlAsync(db, ct) : await SqliteAsync(db, gate, ct);
        }
        catch (Exception ex) when (Describe(ex) is { } reason)
        {
            problem = reason;
            failure = ex;
        }
        Report(problem, failure);
        return problem;
    }

    /// <summary>
    /// What a storage failure means for writing — the disk is full, the database is read-only, the disk failed — or
    /// null for any other error (a bug, a constraint: not the storage's fault).
    /// </summary>
    public static string? Describe(Exception? ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 13 }:
                    return "The disk is full: SQLite cannot grow the database (SQLITE_FULL).";
                case SqliteException { SqliteErrorCode: 8 }:
                    return "The database is read-only (SQLITE_READONLY): check the file's and its folder's permissions and the mount.";
                case SqliteException { SqliteErrorCode: 10 }:
                    return "The disk reported an input/output error (SQLITE_IOERR).";
                case PostgresException { SqlState: "53100" }:
                    return "The PostgreSQL server's disk is full (53100 disk_full).";
                case PostgresException { SqlState: "25006" }:
                    return "The PostgreSQL server takes no writes (25006 read_only_sql_transaction).";
            }
        }
        return null;
    }

    /// <summary>On the scope's connection, at the process's turn to write (as the pipeline's own writes take it).</summary>
    private static async Task<string?> SqliteAsync(HromadaDbContext db, SqliteWriteGate gate, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            using var turn = await gate.EnterAsync(ct);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Probe;
            await command.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
            return null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<string?> PostgreSqlAsync(HromadaDbContext db, CancellationToken ct)
    {
        var readOnly = await db.Database.SqlQueryRaw<string>("SELECT current_setting('transaction_read_only') AS \"Value\"").SingleAsync(ct);
        return readOnly == "on" ? "The PostgreSQL server takes no writes (transaction_read_only is on: a standby, or a read-only server)." : null;
    }

    private void Report(string? problem, Exception? failure)
    {
        lock (_lock)
        {
            if (problem == _problem)
            {
                return;
            }
            _problem = problem;
        }
        if (problem is null)
        {
            logger.LogInformation("The database can be written again");
        }
        else
        {
            logger.LogError(failure, "The database cannot be written: {Problem} Messages wait until it can: platforms deliver them again, stored ones are retried", problem);
        }
    }
}
