using System.Data.Common;
using System.Globalization;

namespace Hromada.Core.Pipeline;

/// <summary>Small helpers for the hand-written statements of the pipeline (written so SQLite and PostgreSQL both run them).</summary>
internal static class Sql
{
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public static void Set(DbCommand command, string name, object? value) => command.Parameters[name].Value = value ?? DBNull.Value;

    /// <summary>An instant as stored (see <see cref="Storage.UtcTextConverter"/>), or null.</summary>
    public static object Text(DateTimeOffset? instant) => instant is { } i ? Storage.UtcTextConverter.Format(i) : DBNull.Value;

    public static DateTimeOffset Instant(string stored) =>
        DateTimeOffset.Parse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
