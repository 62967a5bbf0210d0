using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Storage;

/// <summary>The database holds personal data: on Linux only the service's user may read it.</summary>
public sealed class DatabaseFilePermissionTests
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task ANewDatabase_AndItsJournalFiles_AreReadableOnlyByTheServiceUser_InAFolderOnlyItCanEnter()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        await using var host = await CoreTestHost.StartAsync(
            new Dictionary<string, string?> { ["ConnectionStrings:Hromada"] = "Data Source=data/hromada.db" }, initialise: false);
        var file = Path.Combine(Path.GetDirectoryName(host.DatabasePath)!, "data", "hromada.db");

        await host.Services.InitialiseHromadaAsync();
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        await db.Database.OpenConnectionAsync();
        Assert.Equal(1, await db.Consultations.CountAsync());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(file)!));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(file));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(file + "-wal"));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(file + "-shm"));
    }

    [Fact]
    public async Task ADatabaseTheFirstBuildLeftWorldReadable_IsNarrowedAtStart()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        await using var host = await CoreTestHost.StartAsync();
        var readable = OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        File.SetUnixFileMode(host.DatabasePath, readable);
        File.SetUnixFileMode(host.DatabasePath + "-wal", readable);

        await host.RestartAsync();

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(host.DatabasePath));
        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(host.DatabasePath + "-wal"));
    }
}
