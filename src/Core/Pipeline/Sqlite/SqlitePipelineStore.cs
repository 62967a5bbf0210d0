using Hromada.Core.Outbox;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Pipeline.Sqlite;

/// <summary>
/// The pipeline's storage on SQLite. SQLite lets one connection write at a time, so every write here first takes the
/// process's turn at the <see cref="SqliteWriteGate"/> (handed on the moment the previous commit ends, instead of
/// SQLite's busy handler sleeping); the outbox claim goes through the index of pending messages by name.
/// </summary>
internal sealed class SqlitePipelineStore(HromadaDbContext db, SqliteWriteGate gate, IServiceProvider services, ILogger<SqlitePipelineStore> logger)
    : PipelineStore(db, services, logger)
{
    protected override async ValueTask<IDisposable?> EnterWriteAsync(CancellationToken ct) => await gate.EnterAsync(ct);

    public override async Task<IReadOnlyList<OutboxWork>> ClaimOutboxAsync(OutboxClaim claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var connection = Db.Database.GetDbConnection();
        await Db.Database.OpenConnectionAsync(ct);
        using var turn = await gate.EnterAsync(ct);
        try
        {
            var channelList = string.Join(", ", claim.Channels.Select(c => $"'{c}'"));
            var purposeList = string.Join(", ", claim.Purposes.Select(p => $"'{p}'"));
            // Through the index of pending messages: without it SQLite would walk every message ever sent, in id order.
            await using var command = Sql.Command(connection, null, $"""
                UPDATE OutboxMessages SET LeaseOwner = @me, LeaseUntil = @until
                WHERE Id IN (
                    SELECT o.Id FROM OutboxMessages o INDEXED BY IX_OutboxMessages_Pending
                    WHERE o.Status = 'Pending' AND o.NextAttemptAt <= @now
                      AND o.Channel IN ({channelList}) AND o.Purpose IN ({purposeList})
                      AND (o.LeaseOwner IS NULL OR o.LeaseUntil < @now OR (@reclaim = 1 AND o.LeaseOwner = @me))
                      AND NOT EXISTS (SELECT 1 FROM OutboxMessages p
                                      WHERE p.Channel = o.Channel AND p.Recipient = o.Recipient AND p.Status = 'Pending' AND p.Id < o.Id)
                    ORDER BY o.Id LIMIT @limit)
                RETURNING {ClaimedColumns}
                """,
                ("@me", claim.Owner), ("@until", Sql.Text(claim.LeaseUntil)), ("@now", Sql.Text(claim.Now)),
                ("@reclaim", claim.ReclaimOwn ? 1 : 0), ("@limit", claim.Limit));
            return await ReadClaimedAsync(command, ct);
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }
    }
}
