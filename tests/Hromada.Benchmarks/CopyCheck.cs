using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hromada.Benchmarks;

/// <summary>
/// The SQLite → PostgreSQL copy at scale (issue 19), checked from outside the copy command:
/// <c>make-db N FILE</c> writes a SQLite hromada of N generated proposals (<see cref="ReportDatabase"/>);
/// after <c>database copy --to …</c> has run, <c>compare-copy FILE "Host=…;Database=…"</c> compares every table the
/// PostgreSQL database has (but Quartz's, the migrations' history and the shared push pace, which SQLite has not): the
/// row count, and row by row (by primary key) every foreign key and every proposal reference.
/// </summary>
internal static class CopyCheck
{
    public static async Task<int> MakeAsync(string[] args)
    {
        var count = int.Parse(args[0], CultureInfo.InvariantCulture);
        var file = Path.GetFullPath(args[1]);
        if (File.Exists(file))
        {
            Console.Error.WriteLine($"{file} exists; give a new file.");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        using (await ReportDatabase.CreateAsync(count, file))
        {
        }
        Console.WriteLine($"{file}: {count} proposals written in {clock.Elapsed.TotalSeconds:0.0} s, {new FileInfo(file).Length / 1048576.0:0} MB");
        return 0;
    }

    public static async Task<int> CompareAsync(string[] args)
    {
        await using var sqlite = new SqliteConnection($"Data Source={Path.GetFullPath(args[0])};Mode=ReadOnly");
        await using var pg = new NpgsqlConnection(args[1]);
        await sqlite.OpenAsync();
        await pg.OpenAsync();

        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'qrtz%' AND table_name NOT IN ('__EFMigrationsHistory', 'PushPaces')
            ORDER BY table_name
            """, pg))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var failures = 0;
        long rows = 0, values = 0;
        Console.WriteLine("| table | SQLite rows | PostgreSQL rows | compared by | rows differing |");
        Console.WriteLine("| --- | ---: | ---: | --- | ---: |");
        foreach (var table in tables)
        {
            var keys = await ColumnsAsync(pg, table, "PRIMARY KEY");
            var foreign = (await ColumnsAsync(pg, table, "FOREIGN KEY")).Except(keys).ToList();
            if (table == "Proposals")
            {
                foreign.Add("Reference");
            }
            var columns = keys.Concat(foreign).ToList();
            var source = await RowsAsync(sqlite, table, columns, keys.Count);
            var copy = await RowsAsync(pg, table, columns, keys.Count);
            var differing = source.Count(r => !copy.TryGetValue(r.Key, out var other) || other != r.Value) + copy.Keys.Count(k => !source.ContainsKey(k));
            var sourceCount = await CountAsync(sqlite, table);
            var copyCount = await CountAsync(pg, table);
            if (sourceCount != copyCount || differing != 0 || source.Count != sourceCount)
            {
                failures++;
            }
            rows += sourceCount;
            values += sourceCount * columns.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {table} | {sourceCount:N0} | {copyCount:N0} | {string.Join(", ", keys)}{(foreign.Count > 0 ? " → " + string.Join(", ", foreign) : "")} | {differing} |"));
        }
        Console.WriteLine();
        Console.WriteLine(failures == 0
            ? $"EQUAL: {tables.Count} tables, {rows:N0} rows, every count, key, foreign key and proposal reference the same ({values:N0} values compared)."
            : $"DIFFERENT: {failures} of {tables.Count} tables differ.");
        return failures == 0 ? 0 : 1;
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection pg, string table, string kind)
    {
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT k.column_name, k.ordinal_position FROM information_schema.table_constraints c
            JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name
            WHERE c.table_schema = 'public' AND c.table_name = @t AND c.constraint_type = @k
            ORDER BY k.ordinal_position, k.column_name
            """, pg);
        command.Parameters.AddWithValue("t", table);
        command.Parameters.AddWithValue("k", kind);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!columns.Contains(reader.GetString(0)))
            {
                columns.Add(reader.GetString(0));
            }
        }
        return columns;
    }

    /// <summary>Each row's key columns → its other compared columns, as invariant text (GUIDs in lower case).</summary>
    private static async Task<Dictionary<string, string>> RowsAsync(DbConnection db, string table, List<string> columns, int keyCount)
    {
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\"";
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new string[columns.Count];
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < parts.Length; i++)
            {
                var value = reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
                parts[i] = Guid.TryParse(value, out var guid) ? guid.ToString("D") : value;
            }
            rows[string.Join("|", parts.Take(keyCount))] = string.Join("|", parts.Skip(keyCount));
        }
        return rows;
    }

    private static async Task<long> CountAsync(DbConnection db, string table)
    {
        await using var command = db.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
