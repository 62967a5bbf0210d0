using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hromada.Core.Storage;

/// <summary>
/// Sets a busy timeout (so a writer from another process — the keys command line, a backup — waits for the lock
/// instead of failing), WAL's normal synchronisation and <c>secure_delete</c> (deleted and overwritten values are zeroed
/// in their page, not left in free space: erased personal data must not stay on disk — see <see cref="ErasureCheckpoint"/>)
/// and a high automatic-checkpoint mark (<see cref="WalCheckpointer"/> checkpoints off the commits' path) on every SQLite
/// connection. Both belong to the native
/// connection, which the pool keeps open across many logical opens, so they are set once per native connection.
/// </summary>
internal sealed class SqliteConnectionInterceptor : DbConnectionInterceptor
{
    // wal_autocheckpoint: the log is checkpointed in the background; a commit checkpoints by itself only past
    // WalCheckpointer.AutomaticPages pages.
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA secure_delete = ON; " +
        "PRAGMA wal_autocheckpoint = 10000;";
    private static readonly ConditionalWeakTable<object, object> Prepared = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (FirstOpen(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (FirstOpen(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Prepared.TryAdd(handle, Prepared);
}
