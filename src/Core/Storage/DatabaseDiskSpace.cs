using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Storage;

/// <summary>Free space on the disk of the SQLite database's folder, and the least the administrator wants there.</summary>
public sealed record DiskSpaceReport(long FreeMegabytes, int MinFreeMegabytes)
{
    /// <summary>Less free than <see cref="MinFreeMegabytes"/>: time to make room before writes fail.</summary>
    public bool Low => FreeMegabytes < MinFreeMegabytes;
}

/// <summary>
/// Watches the free space of the disk the SQLite database (and its write-ahead log) grows on, against
/// <see cref="DatabaseOptions.MinFreeSpaceMegabytes"/>: <c>/healthz</c> says "attention" below it, so a monitor warns
/// before the disk is full and residents' messages are refused. Falling below is logged once as a warning, getting back
/// above once as information. Nothing to watch on PostgreSQL or an in-memory database.
/// </summary>
public sealed class DatabaseDiskSpace
{
    private readonly string? _folder;
    private readonly int _minFree;
    private readonly ILogger<DatabaseDiskSpace> _logger;
    private readonly Lock _lock = new();
    private bool _low;

    public DatabaseDiskSpace(string? folder, IOptions<DatabaseOptions> options, ILogger<DatabaseDiskSpace> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _folder = folder;
        _minFree = options.Value.MinFreeSpaceMegabytes;
        _logger = logger;
    }

    /// <summary>The folder of the SQLite file a resolved connection string names; null for an in-memory database.</summary>
    public static string? FolderOf(string sqliteConnectionString)
    {
        var builder = new SqliteConnectionStringBuilder(sqliteConnectionString);
        var file = builder.DataSource;
        if (builder.Mode == SqliteOpenMode.Memory || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal))
        {
            return null;
        }
        return Path.GetDirectoryName(Path.GetFullPath(file));
    }

    /// <summary>The free space now; null when there is nothing to watch (PostgreSQL, in memory, the check turned off).</summary>
    public DiskSpaceReport? Check()
    {
        if (_folder is null || _minFree == 0 || !Directory.Exists(_folder))
        {
            return null;
        }
        var report = new DiskSpaceReport(new DriveInfo(_folder).AvailableFreeSpace / (1024 * 1024), _minFree);
        lock (_lock)
        {
            if (report.Low == _low)
            {
                return report;
            }
            _low = report.Low;
        }
        if (report.Low)
        {
            _logger.LogWarning("Only {Free} MB are free on the disk of the database's folder {Folder} ({Setting} is {Min} MB): make room before it is full and writes fail",
                report.FreeMegabytes, _folder, $"{DatabaseOptions.Section}:{nameof(DatabaseOptions.MinFreeSpaceMegabytes)}", _minFree);
        }
        else
        {
            _logger.LogInformation("{Free} MB are free again on the disk of the database's folder {Folder}", report.FreeMegabytes, _folder);
        }
        return report;
    }
}
