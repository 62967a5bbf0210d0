using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Storage;

/// <summary>
/// Prepares the database at start-up: creates the file's folder, applies migrations and switches SQLite to WAL. On
/// Linux the file holds personal data, so it is readable only by the service's user (0600, and SQLite gives its -wal
/// and -shm files the same mode); a folder the service creates is 0700.
/// </summary>
internal sealed class DatabaseInitializer(HromadaDbContext db, ILogger<DatabaseInitializer> logger)
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        if (db.Database.IsSqlite())
        {
            var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            if (!string.IsNullOrEmpty(file) && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal))
            {
                PrepareFile(Path.GetFullPath(file));
            }
        }

        if (db.Database.IsNpgsql())
        {
            await MigrateOneAtATimeAsync(ct);
        }
        else
        {
            await MigrateAsync(ct);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", ct);
        }
        await RefoldSearchTextAsync(ct);
    }

    /// <summary>
    /// Proposals stored before the search folding last changed keep their old search text, and a search folded the new
    /// way would miss them: each is folded again where it differs (once: afterwards nothing differs, and the pass
    /// only reads).
    /// </summary>
    private async Task RefoldSearchTextAsync(CancellationToken ct)
    {
        var stale = new List<(int Id, string SearchText)>();
        await foreach (var p in db.Proposals.AsNoTracking()
            .Select(p => new { p.Id, p.Text, p.Reference, p.UnlistedSettlement, p.SearchText }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var folded = Proposals.Proposal.ToSearchText(p.Text, p.Reference, p.UnlistedSettlement);
            if (!string.Equals(folded, p.SearchText, StringComparison.Ordinal))
            {
                stale.Add((p.Id, folded));
            }
        }
        if (stale.Count == 0)
        {
            return;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var (id, searchText) in stale)
        {
            await db.Proposals.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.SearchText, searchText), ct);
        }
        await tx.CommitAsync(ct);
        logger.LogInformation("Search text of {Count} proposal(s) folded again for the current search rules", stale.Count);
    }

    /// <summary>
    /// Several instances may start at once on one PostgreSQL database: each waits for a session advisory lock before
    /// it looks at the migrations, so one applies them and the others then find nothing pending. The lock goes with
    /// the session, so an instance killed while migrating does not leave it held.
    /// </summary>
    private async Task MigrateOneAtATimeAsync(CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(" + MigrationLockKey + ")", ct);
            try
            {
                await MigrateAsync(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(" + MigrationLockKey + ")", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The advisory lock's key: a fixed number no other application on the database uses ("hromada" in ASCII).</summary>
    private const string MigrationLockKey = "29399220479943777";

    private async Task MigrateAsync(CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count == 0)
        {
            // Nothing to apply. Migrate would still build the migrations' snapshot model and compare it with the model (the
            // storage tests check that), loading code and types into memory that the service never needs again.
            return;
        }
        await db.Database.MigrateAsync(ct);
        logger.LogInformation("Applied {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
    }

    private void PrepareFile(string file)
    {
        var folder = Path.GetDirectoryName(file);
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder!);
            return;
        }
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
        }
        if (!File.Exists(file))
        {
            // SQLite takes an empty file as a new database; creating it here is what lets the mode be chosen.
            using (new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnly }))
            {
            }
            return;
        }
        // A file from the first build was created 0644: narrow it, and the journal files beside it.
        foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
        {
            if ((File.GetUnixFileMode(path) & ~OwnerOnly) != 0)
            {
                File.SetUnixFileMode(path, OwnerOnly);
                logger.LogInformation("Database file {File} made readable only by the service's user", path);
            }
        }
    }
}
