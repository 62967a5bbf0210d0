using Hromada.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Hromada.Admin.Auth;

/// <summary>
/// Hands over the generated first admin key without it reaching a log sink (logs are shipped and kept): it is written
/// to <see cref="FileName"/> next to the database, readable only by the service's user, and shown on the console only
/// when that is a terminal (under systemd the console is the journal, a log).
/// </summary>
internal static class FirstAdminKey
{
    public const string FileName = "first-admin-key.txt";

    /// <summary>Writes the key and returns the file's path.</summary>
    public static async Task<string> HandOverAsync(string secret, HromadaDbContext db, IHostEnvironment environment, CancellationToken ct = default)
    {
        var path = Path.Combine(FolderOf(db) ?? environment.ContentRootPath, FileName);
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        await using (var file = new StreamWriter(path, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options))
        {
            await file.WriteLineAsync(secret.AsMemory(), ct);
        }
        if (!Console.IsOutputRedirected)
        {
            await Console.Out.WriteLineAsync($"The first admin key (shown once, also in {path}): {secret}");
        }
        return path;
    }

    private static string? FolderOf(HromadaDbContext db)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        return string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal)
            ? null
            : Path.GetDirectoryName(Path.GetFullPath(file));
    }
}
