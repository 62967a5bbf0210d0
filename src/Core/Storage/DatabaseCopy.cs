using System.Globalization;
using Hromada.Core.Storage.PostgreSql;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Hromada.Core.Storage;

/// <summary>The rows of one table in the source and in the copy.</summary>
public sealed record CopiedTable(string Table, long SourceRows, long CopiedRows);

/// <summary>
/// Moves a hromada from its SQLite file to an empty PostgreSQL database (<c>database copy --to "Host=…"</c>): applies
/// PostgreSQL's migrations to the target, copies every table of the model with PostgreSQL's binary COPY in one
/// transaction (all or nothing; parents before children), moves each table's id sequence past the copied ids, and
/// checks every table's row count and every proposal reference. The source is read in one SQLite transaction, so the
/// copy is one consistent moment even if something writes meanwhile (stop the service anyway: later writes are not copied).
/// Quartz's timers are not copied: the first start on PostgreSQL sets them again from the announcements.
/// </summary>
public sealed class DatabaseCopy(HromadaDbContext source)
{
    /// <summary>Copies into the database <paramref name="targetConnectionString"/> names; refuses one that already has data.</summary>
    public async Task<IReadOnlyList<CopiedTable>> CopyToPostgreSqlAsync(string targetConnectionString, CancellationToken ct = default)
    {
        if (!source.Database.IsSqlite())
        {
            throw new InvalidOperationException(
                $"database copy reads the SQLite database the service is configured with; {DatabaseOptions.ProviderSetting} names PostgreSql here.");
        }
        var target = StorageExtensions.ResolvePostgreSqlConnectionString(targetConnectionString);
        await using (var targetDb = new HromadaDbContext(new DbContextOptionsBuilder<HromadaDbContext>()
            .UseNpgsql(target, o => o.MigrationsAssembly(StorageExtensions.PostgreSqlMigrationsAssembly)).Options))
        {
            // Unreachable or refused: said in the words of the start-up's message, before anything else is tried.
            await (await PostgreSqlConnections.OpenUnpooledAsync(target, ct)).DisposeAsync();
            await new DatabaseInitializer(targetDb, NullLogger<DatabaseInitializer>.Instance).InitialiseAsync(ct);
            var tables = Ordered(targetDb.Model.GetRelationalModel());
            return await CopyAsync(tables, target, ct);
        }
    }

    private async Task<IReadOnlyList<CopiedTable>> CopyAsync(IReadOnlyList<ITable> tables, string target, CancellationToken ct)
    {
        var sqlite = (SqliteConnection)source.Database.GetDbConnection();
        await source.Database.OpenConnectionAsync(ct);
        await using var pg = await PostgreSqlConnections.OpenUnpooledAsync(target, ct);
        try
        {
            await using var read = sqlite.BeginTransaction(deferred: true);
            await using var write = await pg.BeginTransactionAsync(ct);
            foreach (var table in tables)
            {
                if (await CountAsync(pg, table.Name, ct) > 0)
                {
                    throw new InvalidOperationException(
                        $"The PostgreSQL database already has rows in \"{table.Name}\": copy into a new, empty database (created with createdb, never started).");
                }
            }

            var result = new List<CopiedTable>();
            foreach (var table in tables)
            {
                var rows = await CopyTableAsync(table, sqlite, read, pg, ct);
                await MoveSequencesAsync(table, pg, ct);
                result.Add(new CopiedTable(table.Name, await CountAsync(sqlite, read, table.Name, ct), await CountAsync(pg, table.Name, ct)));
                if (rows != result[^1].SourceRows || result[^1].CopiedRows != rows)
                {
                    throw new InvalidOperationException($"\"{table.Name}\": {result[^1].SourceRows} rows in SQLite, {rows} read, {result[^1].CopiedRows} in PostgreSQL; nothing was copied.");
                }
            }
            await CheckReferencesAsync(sqlite, read, pg, ct);
            await write.CommitAsync(ct);
            return result;
        }
        finally
        {
            await source.Database.CloseConnectionAsync();
        }
    }

    private static async Task<long> CopyTableAsync(ITable table, SqliteConnection sqlite, SqliteTransaction read, NpgsqlConnection pg, CancellationToken ct)
    {
        var columns = table.Columns.ToList();
        var list = string.Join(", ", columns.Select(c => Quote(c.Name)));
        await using var select = sqlite.CreateCommand();
        select.Transaction = read;
        select.CommandText = $"SELECT {list} FROM {Quote(table.Name)}";
        await using var reader = await select.ExecuteReaderAsync(ct);
        await using var import = await pg.BeginBinaryImportAsync($"COPY {Quote(table.Name)} ({list}) FROM STDIN (FORMAT BINARY)", ct);
        long rows = 0;
        while (await reader.ReadAsync(ct))
        {
            await import.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (reader.IsDBNull(i))
                {
                    await import.WriteNullAsync(ct);
                    continue;
                }
                await import.WriteAsync(Convert(reader.GetValue(i), columns[i]), ct);
            }
            rows++;
        }
        await import.CompleteAsync(ct);
        return rows;
    }

    /// <summary>A value as SQLite keeps it (integer, real, text, blob) in the .NET type PostgreSQL's column takes.</summary>
    private static object Convert(object value, IColumn column)
    {
        var type = Nullable.GetUnderlyingType(column.ProviderClrType) ?? column.ProviderClrType;
        return type switch
        {
            _ when type == typeof(bool) => System.Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0,
            _ when type == typeof(Guid) => value is byte[] bytes ? new Guid(bytes) : Guid.Parse((string)value, CultureInfo.InvariantCulture),
            _ when type == typeof(byte[]) => value,
            _ when type == typeof(string) => System.Convert.ToString(value, CultureInfo.InvariantCulture)!,
            _ when type == typeof(decimal) && value is string s => decimal.Parse(s, CultureInfo.InvariantCulture),
            _ when type.IsPrimitive || type == typeof(decimal) => System.Convert.ChangeType(value, type, CultureInfo.InvariantCulture),
            // EF Core keeps these as ISO text on SQLite.
            _ when type == typeof(DateOnly) => DateOnly.Parse((string)value, CultureInfo.InvariantCulture),
            _ when type == typeof(TimeOnly) => TimeOnly.Parse((string)value, CultureInfo.InvariantCulture),
            _ when type == typeof(TimeSpan) => TimeSpan.Parse((string)value, CultureInfo.InvariantCulture),
            _ when type == typeof(DateTimeOffset) => DateTimeOffset.Parse((string)value, CultureInfo.InvariantCulture).ToUniversalTime(),
            _ when type == typeof(DateTime) => DateTime.SpecifyKind(DateTime.Parse((string)value, CultureInfo.InvariantCulture), DateTimeKind.Utc),
            _ => throw new InvalidOperationException($"\"{column.Table.Name}\".\"{column.Name}\": the copy does not know how to move a {type.Name} value."),
        };
    }

    /// <summary>An identity column's next value is moved past the ids copied into it.</summary>
    private static async Task MoveSequencesAsync(ITable table, NpgsqlConnection pg, CancellationToken ct)
    {
        foreach (var column in table.Columns.Where(c => c.ProviderClrType == typeof(int) || c.ProviderClrType == typeof(long)))
        {
            await using var find = new NpgsqlCommand("SELECT pg_get_serial_sequence(@table, @column)", pg);
            find.Parameters.AddWithValue("table", Quote(table.Name));
            find.Parameters.AddWithValue("column", column.Name);
            if (await find.ExecuteScalarAsync(ct) is not string sequence)
            {
                continue;
            }
            var t = Quote(table.Name);
            var c = Quote(column.Name);
            await using var move = new NpgsqlCommand(
                $"SELECT setval(@sequence, COALESCE((SELECT MAX({c}) FROM {t}), 1), (SELECT MAX({c}) FROM {t}) IS NOT NULL)", pg);
            move.Parameters.AddWithValue("sequence", sequence);
            await move.ExecuteScalarAsync(ct);
        }
    }

    private static async Task CheckReferencesAsync(SqliteConnection sqlite, SqliteTransaction read, NpgsqlConnection pg, CancellationToken ct)
    {
        const string Query = "SELECT \"Id\", \"Reference\" FROM \"Proposals\" ORDER BY \"Id\"";
        var before = new List<(long, string)>();
        await using (var s = sqlite.CreateCommand())
        {
            s.Transaction = read;
            s.CommandText = Query;
            await using var r = await s.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                before.Add((r.GetInt64(0), r.GetString(1)));
            }
        }
        var after = new List<(long, string)>();
        await using (var p = new NpgsqlCommand(Query, pg))
        {
            await using var r = await p.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                after.Add((System.Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1)));
            }
        }
        if (!before.SequenceEqual(after))
        {
            throw new InvalidOperationException("The proposals' references differ between SQLite and the copy; nothing was copied.");
        }
    }

    private static async Task<long> CountAsync(NpgsqlConnection pg, string table, CancellationToken ct)
    {
        await using var count = new NpgsqlCommand($"SELECT COUNT(*) FROM {Quote(table)}", pg);
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }

    private static async Task<long> CountAsync(SqliteConnection sqlite, SqliteTransaction read, string table, CancellationToken ct)
    {
        await using var count = sqlite.CreateCommand();
        count.Transaction = read;
        count.CommandText = $"SELECT COUNT(*) FROM {Quote(table)}";
        return (long)(await count.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The model's tables, each after the tables its foreign keys point to.</summary>
    private static List<ITable> Ordered(IRelationalModel model)
    {
        var tables = model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var done = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<ITable>();
        while (ordered.Count < tables.Count)
        {
            var next = tables.Where(t => !done.Contains(t.Name)).FirstOrDefault(t => t.ForeignKeyConstraints
                .All(fk => fk.PrincipalTable == t || done.Contains(fk.PrincipalTable.Name)))
                ?? throw new InvalidOperationException("The tables' foreign keys form a cycle; the copy cannot order them.");
            ordered.Add(next);
            done.Add(next.Name);
        }
        return ordered;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
