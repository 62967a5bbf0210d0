using System.Data.Common;
using Hromada.Core.Inbox;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Pipeline;

/// <summary>The inbox's and the outbox's statements both engines run: storing payloads, recording sends.</summary>
internal abstract partial class PipelineStore
{
    public async Task<IReadOnlyList<long?>> StoreInboxAsync(IReadOnlyList<InboxInsert> items, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(items);
        var ids = new long?[items.Count];
        await InTransactionAsync(async (connection, tx) =>
        {
            await using var insert = Sql.Command(connection, tx,
                "INSERT INTO \"InboxItems\" (\"Channel\", \"ExternalId\", \"SenderKey\", \"Payload\", \"ReceivedAt\", \"Status\", \"NextAttemptAt\", \"Attempts\") " +
                "VALUES (@channel, @external, @sender, @payload, @now, 'Pending', @now, 0) " +
                "ON CONFLICT (\"Channel\", \"ExternalId\") DO NOTHING RETURNING \"Id\"",
                ("@channel", null), ("@external", null), ("@sender", null), ("@payload", null), ("@now", Sql.Text(now)));
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                Sql.Set(insert, "@channel", item.Channel.ToString());
                Sql.Set(insert, "@external", item.ExternalId);
                Sql.Set(insert, "@sender", item.SenderKey);
                Sql.Set(insert, "@payload", item.Payload);
                ids[i] = await insert.ExecuteScalarAsync(ct) is { } id and not DBNull ? Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) : null;
            }
        }, ct);
        return ids;
    }

    public Task WriteSendResultsAsync(IReadOnlyList<OutboxUpdate> updates, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(updates);
        return InTransactionAsync(async (connection, tx) =>
        {
            await using var update = Sql.Command(connection, tx,
                "UPDATE \"OutboxMessages\" SET \"Status\" = @status, \"Attempts\" = @attempts, \"PartsSent\" = @parts, \"NextAttemptAt\" = @next, " +
                "\"LastError\" = @error, \"CompletedAt\" = @completed, \"LeaseOwner\" = @owner, \"LeaseUntil\" = @until WHERE \"Id\" = @id",
                ("@status", null), ("@attempts", null), ("@parts", null), ("@next", null), ("@error", null), ("@completed", null),
                ("@owner", null), ("@until", null), ("@id", null));
            await using var delete = Sql.Command(connection, tx, "DELETE FROM \"OutboxMessages\" WHERE \"Id\" = @id", ("@id", null));
            await using var block = Sql.Command(connection, tx,
                "UPDATE \"Residents\" SET \"IsBlocked\" = TRUE, \"IsSubscribed\" = FALSE WHERE \"Channel\" = @channel AND \"ChannelUserId\" = @user", ("@channel", null), ("@user", null));
            foreach (var u in updates)
            {
                if (u.Delete)
                {
                    Sql.Set(delete, "@id", u.Id);
                    await delete.ExecuteNonQueryAsync(ct);
                }
                else
                {
                    Sql.Set(update, "@status", u.Status.ToString());
                    Sql.Set(update, "@attempts", u.Attempts);
                    Sql.Set(update, "@parts", u.PartsSent);
                    Sql.Set(update, "@next", Sql.Text(u.NextAttemptAt));
                    Sql.Set(update, "@error", u.Error is null ? null : Trim(u.Error));
                    Sql.Set(update, "@completed", Sql.Text(u.CompletedAt));
                    Sql.Set(update, "@owner", u.LeaseOwner);
                    Sql.Set(update, "@until", Sql.Text(u.LeaseUntil));
                    Sql.Set(update, "@id", u.Id);
                    await update.ExecuteNonQueryAsync(ct);
                }
                if (u.BlockedResident is { } r)
                {
                    Sql.Set(block, "@channel", r.Channel.ToString());
                    Sql.Set(block, "@user", r.ChannelUserId);
                    await block.ExecuteNonQueryAsync(ct);
                }
            }
        }, ct);
    }

    /// <summary>The columns a claim returns, in the order <see cref="ReadClaimedAsync"/> reads them.</summary>
    protected const string ClaimedColumns =
        "\"Id\", \"Channel\", \"Recipient\", \"IsPublicPost\", \"Purpose\", \"Payload\", \"ReplyContext\", \"ResidentId\", " +
        "\"EraseOnCompletion\", \"PartsSent\", \"Attempts\", \"NextAttemptAt\", \"CreatedAt\", \"Language\"";

    /// <summary>Runs a claim returning <see cref="ClaimedColumns"/>; the messages oldest first.</summary>
    protected static async Task<IReadOnlyList<OutboxWork>> ReadClaimedAsync(DbCommand command, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var result = new List<OutboxWork>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new OutboxWork
            {
                Id = reader.GetInt64(0),
                Channel = Enum.Parse<Channel>(reader.GetString(1)),
                Recipient = reader.GetString(2),
                IsPublicPost = reader.GetBoolean(3),
                Purpose = Enum.Parse<OutboxPurpose>(reader.GetString(4)),
                Payload = reader.GetString(5),
                ReplyContext = reader.IsDBNull(6) ? null : reader.GetString(6),
                ResidentId = reader.IsDBNull(7) ? null : reader.GetInt32(7),
                EraseOnCompletion = reader.GetBoolean(8),
                PartsSent = reader.GetInt32(9),
                Attempts = reader.GetInt32(10),
                NextAttemptAt = Sql.Instant(reader.GetString(11)),
                CreatedAt = Sql.Instant(reader.GetString(12)),
                Language = reader.IsDBNull(13) ? null : reader.GetString(13),
            });
        }
        result.Sort((a, b) => a.Id.CompareTo(b.Id));
        return result;
    }

    /// <summary>One transaction on the scope's connection, at the process's turn to write.</summary>
    private async Task InTransactionAsync(Func<DbConnection, DbTransaction, Task> write, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        using var turn = await EnterWriteAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            await write(connection, tx);
            await tx.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
