using Microsoft.Data.Sqlite;

namespace Hromada.Bot.Tests.Infrastructure;

/// <summary>Looks through every column of every table of a database file for values, as a data-protection officer would.</summary>
public static class DatabaseScan
{
    /// <summary>"table.column" for each place where one of <paramref name="needles"/> occurs (as text, or as a whole number).</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(string databaseFile, params string[] needles)
    {
        var found = new List<string>();
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    if (reader.IsDBNull(i))
                    {
                        continue;
                    }
                    var value = Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
                    foreach (var needle in needles)
                    {
                        if (value.Contains(needle, StringComparison.OrdinalIgnoreCase))
                        {
                            found.Add($"{table}.{reader.GetName(i)} holds '{needle}'");
                        }
                    }
                }
            }
        }
        return found.Distinct().ToList();
    }
}
