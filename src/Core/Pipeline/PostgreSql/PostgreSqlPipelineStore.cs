using Hromada.Core.Outbox;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Pipeline.PostgreSql;

/// <summary>
/// The pipeline's storage on PostgreSQL, where several instances share the database. No write gate: PostgreSQL takes
/// concurrent writers, row locks order them. The group commit, the inbox's dedup (its unique (channel, external id)
/// with <c>ON CONFLICT DO NOTHING</c>) and the sender leases are the shared statements of <see cref="PipelineStore"/>;
/// the outbox claim here locks the rows it takes with <c>FOR UPDATE SKIP LOCKED</c>, so two instances claiming at once
/// never take the same message (one skips what the other is taking, and a row whose lease the other has just
/// committed no longer passes the claim's conditions when it is re-checked).
/// </summary>
internal sealed class PostgreSqlPipelineStore(HromadaDbContext db, IServiceProvider services, ILogger<PostgreSqlPipelineStore> logger)
    : PipelineStore(db, services, logger)
{
    public override async Task<IReadOnlyList<OutboxWork>> ClaimOutboxAsync(OutboxClaim claim, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var connection = Db.Database.GetDbConnection();
        await Db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Sql.Command(connection, null, $"""
                WITH next AS (
                    SELECT o."Id" FROM "OutboxMessages" o
                    WHERE o."Status" = 'Pending' AND o."NextAttemptAt" <= @now
                      AND o."Channel" = ANY (@channels) AND o."Purpose" = ANY (@purposes)
                      AND (o."LeaseOwner" IS NULL OR o."LeaseUntil" < @now OR (@reclaim AND o."LeaseOwner" = @me))
                      AND NOT EXISTS (SELECT 1 FROM "OutboxMessages" p
                                      WHERE p."Channel" = o."Channel" AND p."Recipient" = o."Recipient" AND p."Status" = 'Pending' AND p."Id" < o."Id")
                    ORDER BY o."Id" LIMIT @limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE "OutboxMessages" m SET "LeaseOwner" = @me, "LeaseUntil" = @until
                FROM next WHERE m."Id" = next."Id"
                RETURNING {Qualified("m", ClaimedColumns)}
                """,
                ("@me", claim.Owner), ("@until", Sql.Text(claim.LeaseUntil)), ("@now", Sql.Text(claim.Now)),
                ("@channels", claim.Channels.Select(c => c.ToString()).ToArray()),
                ("@purposes", claim.Purposes.Select(p => p.ToString()).ToArray()),
                ("@reclaim", claim.ReclaimOwn), ("@limit", claim.Limit));
            return await ReadClaimedAsync(command, ct);
        }
        finally
        {
            await Db.Database.CloseConnectionAsync();
        }
    }

    private static string Qualified(string alias, string columns) =>
        string.Join(", ", columns.Split(", ").Select(c => $"{alias}.{c}"));
}
