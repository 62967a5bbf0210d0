using System.Data.Common;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;

namespace Hromada.Core.Pipeline;

/// <summary>
/// The statements of a turn's commit, each prepared once per batch and run with new values per turn. Written so both
/// SQLite and PostgreSQL run them: quoted names (PostgreSQL folds unquoted ones to lower case), booleans as parameters
/// or TRUE/FALSE, and what an insert returns read as any integer.
/// </summary>
internal sealed class TurnWriter(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private const string ResidentValues =
        "\"Language\" = @language, \"ConsentAt\" = @consentAt, \"ConsentVersion\" = @consentVersion, \"IsSubscribed\" = @subscribed, " +
        "\"SubscribedAt\" = @subscribedAt, \"LastInboundAt\" = @lastInbound, \"RateWindowStart\" = @rateStart, \"RateWindowCount\" = @rateCount, " +
        "\"RateNoticeSent\" = @rateNotice, \"ResidenceSettlementId\" = @residence, \"ConversationStep\" = @step, \"ConversationData\" = @data";

    private readonly PreparedCommands _statements = new(connection, transaction);
    private DbCommand? _done;
    private DbCommand? _processed;
    private DbCommand? _insertResident;
    private DbCommand? _updateResident;
    private DbCommand? _handOver;
    private DbCommand? _outbox;

    /// <summary>Marks the inbox item done if it is still pending; false when another handler did first.</summary>
    public async Task<bool> MarkDoneAsync(long itemId, DateTimeOffset now, bool erase, CancellationToken ct)
    {
        _done ??= Prepare(
            "UPDATE \"InboxItems\" SET \"Status\" = 'Done', \"ProcessedAt\" = @now, " +
            "\"Payload\" = CASE WHEN @erase THEN '' ELSE \"Payload\" END, \"SenderKey\" = CASE WHEN @erase THEN '' ELSE \"SenderKey\" END, " +
            // A Messenger postback's id names its sender.
            "\"ExternalId\" = CASE WHEN @erase THEN 'erased:' || \"Id\" ELSE \"ExternalId\" END " +
            "WHERE \"Id\" = @id AND \"Status\" = 'Pending'", "@now", "@erase", "@id");
        Sql.Set(_done, "@now", Sql.Text(now));
        Sql.Set(_done, "@erase", erase);
        Sql.Set(_done, "@id", itemId);
        return await _done.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Leaves the processed mark of a message that did not come through the inbox; false when it is there already.</summary>
    public async Task<bool> MarkProcessedAsync(Channel channel, string messageId, DateTimeOffset now, CancellationToken ct)
    {
        _processed ??= Prepare(
            "INSERT INTO \"ProcessedMessages\" (\"Channel\", \"MessageId\", \"ProcessedAt\") VALUES (@channel, @message, @now) " +
            "ON CONFLICT (\"Channel\", \"MessageId\") DO NOTHING", "@channel", "@message", "@now");
        Sql.Set(_processed, "@channel", channel.ToString());
        Sql.Set(_processed, "@message", messageId);
        Sql.Set(_processed, "@now", Sql.Text(now));
        return await _processed.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Stores a new resident; null when someone stored the same (channel, user) first.</summary>
    public async Task<int?> InsertResidentAsync(Resident r, CancellationToken ct)
    {
        _insertResident ??= Prepare(
            "INSERT INTO \"Residents\" (\"Channel\", \"ChannelUserId\", \"CreatedAt\", \"IsBlocked\", \"Version\", \"Language\", \"ConsentAt\", " +
            "\"ConsentVersion\", \"IsSubscribed\", \"SubscribedAt\", \"LastInboundAt\", \"RateWindowStart\", \"RateWindowCount\", \"RateNoticeSent\", " +
            "\"ResidenceSettlementId\", \"ConversationStep\", \"ConversationData\") " +
            "VALUES (@channel, @user, @created, FALSE, 0, @language, @consentAt, @consentVersion, @subscribed, @subscribedAt, @lastInbound, @rateStart, " +
            "@rateCount, @rateNotice, @residence, @step, @data) ON CONFLICT (\"Channel\", \"ChannelUserId\") DO NOTHING RETURNING \"Id\"",
            ["@channel", "@user", "@created", .. ResidentParameters]);
        Sql.Set(_insertResident, "@channel", r.Channel.ToString());
        Sql.Set(_insertResident, "@user", r.ChannelUserId);
        Sql.Set(_insertResident, "@created", Sql.Text(r.CreatedAt));
        SetResident(_insertResident, r);
        return await _insertResident.ExecuteScalarAsync(ct) is { } id and not DBNull ? Convert.ToInt32(id, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Writes the resident's new state; false when the row is gone (erased meanwhile).</summary>
    public async Task<bool> UpdateResidentAsync(Resident r, CancellationToken ct)
    {
        _updateResident ??= Prepare($"UPDATE \"Residents\" SET {ResidentValues} WHERE \"Id\" = @id", ["@id", .. ResidentParameters]);
        Sql.Set(_updateResident, "@id", r.Id);
        SetResident(_updateResident, r);
        return await _updateResident.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Held messages that went out with a reply.</summary>
    public async Task HandOverAsync(IReadOnlyList<long> ids, DateTimeOffset now, CancellationToken ct)
    {
        _handOver ??= Prepare(
            "UPDATE \"OutboxMessages\" SET \"Status\" = 'Sent', \"CompletedAt\" = @now, " +
            "\"LastError\" = 'Handed over with the reply to the resident''s next message.' " +
            "WHERE \"Id\" = @id AND \"Status\" = 'Held'", "@now", "@id");
        Sql.Set(_handOver, "@now", Sql.Text(now));
        foreach (var id in ids)
        {
            Sql.Set(_handOver, "@id", id);
            await _handOver.ExecuteNonQueryAsync(ct);
        }
    }

    public async Task<long> InsertOutboxAsync(OutboxMessage o, CancellationToken ct)
    {
        _outbox ??= Prepare(
            "INSERT INTO \"OutboxMessages\" (\"Channel\", \"Recipient\", \"IsPublicPost\", \"Purpose\", \"Payload\", \"ResidentId\", \"InboxItemId\", " +
            "\"ProposalId\", \"AnnouncementId\", \"Status\", \"CreatedAt\", \"NextAttemptAt\", \"Attempts\", \"LeaseOwner\", \"LeaseUntil\", " +
            "\"CompletedAt\", \"LastError\", \"ReplyContext\", \"PartsSent\", \"EraseOnCompletion\", \"Language\") " +
            "VALUES (@channel, @recipient, FALSE, @purpose, @payload, @resident, @item, NULL, NULL, @status, @created, @next, 0, @owner, @until, NULL, NULL, " +
            "@context, 0, @erase, @language) RETURNING \"Id\"",
            "@channel", "@recipient", "@purpose", "@payload", "@resident", "@item", "@status", "@created", "@next", "@owner", "@until", "@context", "@erase", "@language");
        Sql.Set(_outbox, "@channel", o.Channel.ToString());
        Sql.Set(_outbox, "@recipient", o.Recipient);
        Sql.Set(_outbox, "@purpose", o.Purpose.ToString());
        Sql.Set(_outbox, "@payload", o.Payload);
        Sql.Set(_outbox, "@resident", o.ResidentId);
        Sql.Set(_outbox, "@item", o.InboxItemId);
        Sql.Set(_outbox, "@status", o.Status.ToString());
        Sql.Set(_outbox, "@created", Sql.Text(o.CreatedAt));
        Sql.Set(_outbox, "@next", Sql.Text(o.NextAttemptAt));
        Sql.Set(_outbox, "@owner", o.LeaseOwner);
        Sql.Set(_outbox, "@until", Sql.Text(o.LeaseUntil));
        Sql.Set(_outbox, "@context", o.ReplyContext);
        Sql.Set(_outbox, "@erase", o.EraseOnCompletion);
        Sql.Set(_outbox, "@language", o.Language);
        return Convert.ToInt64(await _outbox.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static readonly string[] ResidentParameters =
        ["@language", "@consentAt", "@consentVersion", "@subscribed", "@subscribedAt", "@lastInbound", "@rateStart", "@rateCount", "@rateNotice", "@residence", "@step", "@data"];

    private static void SetResident(DbCommand c, Resident r)
    {
        Sql.Set(c, "@language", r.Language);
        Sql.Set(c, "@consentAt", Sql.Text(r.ConsentAt));
        Sql.Set(c, "@consentVersion", r.ConsentVersion);
        Sql.Set(c, "@subscribed", r.IsSubscribed);
        Sql.Set(c, "@subscribedAt", Sql.Text(r.SubscribedAt));
        Sql.Set(c, "@lastInbound", Sql.Text(r.LastInboundAt));
        Sql.Set(c, "@rateStart", Sql.Text(r.RateWindowStart));
        Sql.Set(c, "@rateCount", r.RateWindowCount);
        Sql.Set(c, "@rateNotice", r.RateNoticeSent);
        Sql.Set(c, "@residence", r.ResidenceSettlementId);
        Sql.Set(c, "@step", r.ConversationStep);
        Sql.Set(c, "@data", r.ConversationData);
    }

    private DbCommand Prepare(string text, params string[] parameters) => _statements.Prepare(text, parameters);

    public ValueTask DisposeAsync() => _statements.DisposeAsync();
}
