using System.ComponentModel.DataAnnotations;

namespace Hromada.Core.Storage;

/// <summary>The database engine the service keeps its data in.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file (the default): one instance per file.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database: several instances may share it.</summary>
    PostgreSql,
}

/// <summary><c>Hromada:Database</c>: which database engine <c>ConnectionStrings:Hromada</c> names, and how much room it needs.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Hromada:Database";
    public const string ProviderSetting = Section + ":Provider";

    /// <summary>The largest <see cref="MinFreeSpaceMegabytes"/> taken: 100 TB.</summary>
    public const int MaxMinFreeSpaceMegabytes = 100_000_000;

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// With SQLite: below this much free space (in MB) on the disk of the database's folder, <c>/healthz</c> says
    /// "attention" — a warning before the disk is full and writes fail. 0 turns the check off. Not used with PostgreSQL
    /// (the server's disk is the database administrator's to watch).
    /// </summary>
    public int MinFreeSpaceMegabytes { get; set; } = 500;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinFreeSpaceMegabytes is < 0 or > MaxMinFreeSpaceMegabytes)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(MinFreeSpaceMegabytes)} is {MinFreeSpaceMegabytes}; it must be between 0 (no check) and {MaxMinFreeSpaceMegabytes} (MB).",
                [nameof(MinFreeSpaceMegabytes)]);
        }
    }

    /// <summary>
    /// Reads <c>Hromada:Database:Provider</c> (absent: SQLite); anything but <c>Sqlite</c> or <c>PostgreSql</c> stops
    /// the service with a message naming the setting.
    /// </summary>
    public static DatabaseProvider ReadProvider(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }
        if (Enum.TryParse<DatabaseProvider>(configured.Trim(), ignoreCase: true, out var provider)
            && Enum.IsDefined(provider) && !int.TryParse(configured, out _))
        {
            return provider;
        }
        throw new InvalidOperationException(
            $"{ProviderSetting} is '{configured}'; it must be Sqlite (one SQLite file, the default) or PostgreSql.");
    }
}
