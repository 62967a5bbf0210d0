namespace Hromada.Core.Storage;

/// <summary>The database engine the service keeps its data in.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file (the default): one instance per file.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database: several instances may share it.</summary>
    PostgreSql,
}

/// <summary><c>Hromada:Database</c>: which database engine <c>ConnectionStrings:Hromada</c> names.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Hromada:Database";
    public const string ProviderSetting = Section + ":Provider";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

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
