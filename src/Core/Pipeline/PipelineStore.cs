using System.Data.Common;
using Hromada.Core.Community;
using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Pipeline;

/// <summary>
/// The pipeline's storage as both engines run it: hand-written statements on the scope's connection (SQL that SQLite
/// and PostgreSQL both accept: quoted names, booleans as parameters), no change tracking on the turn's path. The group
/// commit takes one transaction for the whole batch, with a savepoint per turn so a turn that fails is undone alone.
/// A submission is a handful of statements more (<see cref="SubmissionWriter"/>); the rare erasure runs through EF Core
/// in the same transaction.
/// What differs per engine is in its own folder: <see cref="Sqlite.SqlitePipelineStore"/> (one writer at a time in the
/// process, the claim through SQLite's index hint) and <see cref="PostgreSql.PostgreSqlPipelineStore"/> (claims with
/// <c>FOR UPDATE SKIP LOCKED</c>, no write gate).
/// </summary>
internal abstract partial class PipelineStore(HromadaDbContext db, IServiceProvider services, ILogger logger) : IPipelineStore
{
    private readonly CommunityClock _clock = services.GetRequiredService<CommunityClock>();
    private readonly TimeProvider _time = services.GetRequiredService<TimeProvider>();

    private const string ResidentColumns =
        "\"Id\", \"Language\", \"CreatedAt\", \"ConsentAt\", \"ConsentVersion\", \"IsSubscribed\", \"SubscribedAt\", \"IsBlocked\", " +
        "\"LastInboundAt\", \"RateWindowStart\", \"RateWindowCount\", \"RateNoticeSent\", \"ResidenceSettlementId\", \"ConversationStep\", " +
        "\"ConversationData\", \"Version\"";

    protected HromadaDbContext Db => db;

    /// <summary>Waits for this process's turn to write, where the engine needs one (SQLite); dispose the result to hand it on.</summary>
    protected virtual ValueTask<IDisposable?> EnterWriteAsync(CancellationToken ct) => ValueTask.FromResult<IDisposable?>(null);

    public abstract Task<IReadOnlyList<OutboxWork>> ClaimOutboxAsync(OutboxClaim claim, CancellationToken ct);

    public async Task<TurnState> LoadTurnAsync(Channel channel, string sender, CancellationToken ct) =>
        (await LoadTurnsAsync([new TurnKey(channel, sender)], ct))[0];

    public async Task<IReadOnlyList<TurnState>> LoadTurnsAsync(IReadOnlyList<TurnKey> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            // One open connection and one prepared statement for the whole batch, bound again for each resident.
            var states = new TurnState[keys.Count];
            var withHeld = new List<int>();
            await using (var read = Sql.Command(connection, null,
                $"SELECT {ResidentColumns}, EXISTS (SELECT 1 FROM \"OutboxMessages\" o WHERE o.\"ResidentId\" = r.\"Id\" AND o.\"Status\" = 'Held') " +
                "FROM \"Residents\" r WHERE \"Channel\" = @channel AND \"ChannelUserId\" = @user",
                ("@channel", ""), ("@user", "")))
            {
                for (var i = 0; i < keys.Count; i++)
                {
                    var (channel, sender) = keys[i];
                    Sql.Set(read, "@channel", channel.ToString());
                    Sql.Set(read, "@user", sender);
                    Resident? resident = null;
                    await using (var reader = await read.ExecuteReaderAsync(ct))
                    {
                        if (await reader.ReadAsync(ct))
                        {
                            resident = ReadResident(reader, channel, sender);
                            if (reader.GetBoolean(16) && channel != Channel.WebChat)
                            {
                                withHeld.Add(i);
                            }
                        }
                    }
                    states[i] = new TurnState(resident, []);
                }
            }
            if (withHeld.Count > 0)
            {
                await using var heldQuery = Sql.Command(connection, null,
                    "SELECT \"Id\", \"Payload\" FROM \"OutboxMessages\" WHERE \"ResidentId\" = @id AND \"Status\" = 'Held' ORDER BY \"Id\"", ("@id", 0));
                foreach (var i in withHeld)
                {
                    var resident = states[i].Resident!;
                    Sql.Set(heldQuery, "@id", resident.Id);
                    var held = new List<HeldMessage>();
                    await using var heldReader = await heldQuery.ExecuteReaderAsync(ct);
                    while (await heldReader.ReadAsync(ct))
                    {
                        held.Add(new HeldMessage(heldReader.GetInt64(0), OutboxPayload.Read(heldReader.GetString(1))));
                    }
                    states[i] = new TurnState(resident, held);
                }
            }
            return states;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<IReadOnlyList<TurnCommitResult>> CommitTurnsAsync(IReadOnlyList<TurnCommit> turns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(turns);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        var results = new List<TurnCommitResult>(turns.Count);
        using var turn = await EnterWriteAsync(ct);
        try
        {
            await using var tx = await connection.BeginTransactionAsync(ct);
            // The effects written through EF Core (a submission, an erasure) join this transaction.
            await db.Database.UseTransactionAsync(tx, ct);
            await using var writer = new TurnWriter(connection, tx);
            await using var submissions = new SubmissionWriter(connection, tx);
            foreach (var t in turns)
            {
                await tx.SaveAsync("turn", ct);
                TurnCommitResult result;
                try
                {
                    result = await WriteAsync(writer, submissions, t, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    logger.LogWarning(ex, "{Channel} message {MessageId}: its turn could not be written; undone alone", t.Message.Channel, t.Message.MessageId);
                    result = TurnCommitResult.Failed(ex);
                }
                if (result.Status == TurnCommitStatus.Committed)
                {
                    await tx.ReleaseAsync("turn", ct);
                }
                else
                {
                    await tx.RollbackAsync("turn", ct);
                    await tx.ReleaseAsync("turn", ct);
                }
                db.ChangeTracker.Clear();
                results.Add(result);
            }
            await tx.CommitAsync(ct);
            await db.Database.UseTransactionAsync(null, CancellationToken.None);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return results;
    }

    private async Task<TurnCommitResult> WriteAsync(TurnWriter w, SubmissionWriter submissions, TurnCommit t, CancellationToken ct)
    {
        var m = t.Message;
        var d = t.Decision;
        var erases = d.Erases;
        // Only the first handler of a message gets past its mark: a second one writes nothing.
        var first = m.InboxItemId is { } itemId
            ? await w.MarkDoneAsync(itemId, t.Now, erases, ct)
            : await w.MarkProcessedAsync(m.Channel, m.MessageId, t.Now, ct);
        if (!first)
        {
            return TurnCommitResult.Duplicate;
        }

        var residentId = t.ResidentId;
        if (!erases && d.Resident is { } resident)
        {
            if (d.IsNewResident)
            {
                residentId = await w.InsertResidentAsync(resident, ct);
                if (residentId is null)
                {
                    return TurnCommitResult.Conflict;
                }
            }
            else if (!await w.UpdateResidentAsync(resident, ct))
            {
                return TurnCommitResult.Conflict;
            }
        }

        var replies = d.Replies;
        foreach (var effect in d.Effects)
        {
            switch (effect)
            {
                case TurnEffect.HandOver handOver:
                    await w.HandOverAsync(handOver.OutboxIds, t.Now, ct);
                    break;
                case TurnEffect.Submit submit:
                    // A chat's proposal is in its resident's language.
                    var input = submit.Proposal with { ResidentId = residentId, Language = submit.Proposal.Language ?? d.Resident?.Language };
                    var proposal = await submissions.SubmitAsync(input, _clock.ToLocal(input.ReceivedAt).Year, _time.GetUtcNow(), ct);
                    ProposalService.LogReceived(logger, proposal);
                    replies = [.. replies.Select(r => TurnEffect.Fill(r, proposal.Reference, proposal.ReceiptCode))];
                    break;
                case TurnEffect.EraseResident:
                    var erased = new Resident { Id = residentId ?? 0, Channel = m.Channel, ChannelUserId = m.ChannelUserId };
                    await services.GetRequiredService<ResidentErasure>().EraseAsync(erased, m.InboxItemId, ct);
                    await db.SaveChangesAsync(ct);
                    break;
            }
            db.ChangeTracker.Clear();
        }

        OutboxMessage? reply = null;
        if (replies.Count > 0 || m.ReplyContext is not null)
        {
            reply = new OutboxMessage
            {
                Channel = m.Channel,
                Recipient = m.ChannelUserId,
                Purpose = OutboxPurpose.Reply,
                Payload = OutboxPayload.Write(replies),
                ResidentId = erases ? null : residentId,
                InboxItemId = m.InboxItemId,
                Status = OutboxStatus.Pending,
                ReplyContext = m.ReplyContext,
                EraseOnCompletion = erases,
                Language = d.Resident?.Language,
                CreatedAt = t.Now,
                NextAttemptAt = t.Now,
                LeaseOwner = t.ReplyLeaseOwner,
                LeaseUntil = t.ReplyLeaseUntil,
            };
            reply.Id = await w.InsertOutboxAsync(reply, ct);
        }
        return new TurnCommitResult(TurnCommitStatus.Committed, replies) { Reply = reply };
    }

    public async Task<bool> HoldSenderAsync(string key, string owner, DateTimeOffset now, DateTimeOffset expires, CancellationToken ct)
    {
        var expiresText = UtcTextConverter.Format(expires);
        var nowText = UtcTextConverter.Format(now);
        var taken = await db.Database.SqlQuery<string>($"""
            INSERT INTO "SenderLeases" ("Key", "Owner", "ExpiresAt") VALUES ({key}, {owner}, {expiresText})
            ON CONFLICT ("Key") DO UPDATE SET "Owner" = excluded."Owner", "ExpiresAt" = excluded."ExpiresAt"
            WHERE "SenderLeases"."Owner" = excluded."Owner" OR "SenderLeases"."ExpiresAt" < {nowText}
            RETURNING "Owner" AS "Value"
            """).ToListAsync(ct);
        return taken.Count == 1;
    }

    public Task ScheduleRetryAsync(long itemId, int attempts, DateTimeOffset at, string lastError, CancellationToken ct) =>
        db.InboxItems.Where(i => i.Id == itemId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Attempts, attempts)
            .SetProperty(i => i.NextAttemptAt, at)
            .SetProperty(i => i.LastError, Trim(lastError)), ct);

    public Task SetAsideAsync(long itemId, int attempts, string reason, DateTimeOffset now, CancellationToken ct) =>
        db.InboxItems.Where(i => i.Id == itemId).ExecuteUpdateAsync(s => s
            .SetProperty(i => i.Status, Inbox.InboxStatus.SetAside)
            .SetProperty(i => i.ProcessedAt, now)
            .SetProperty(i => i.Attempts, attempts)
            .SetProperty(i => i.LastError, Trim(reason)), ct);

    protected static string Trim(string text) => text.Length > 1000 ? text[..1000] : text;

    private static Resident ReadResident(DbDataReader r, Channel channel, string sender) => new()
    {
        Id = r.GetInt32(0),
        Channel = channel,
        ChannelUserId = sender,
        Language = r.GetString(1),
        CreatedAt = Sql.Instant(r.GetString(2)),
        ConsentAt = r.IsDBNull(3) ? null : Sql.Instant(r.GetString(3)),
        ConsentVersion = r.IsDBNull(4) ? null : r.GetString(4),
        IsSubscribed = r.GetBoolean(5),
        SubscribedAt = r.IsDBNull(6) ? null : Sql.Instant(r.GetString(6)),
        IsBlocked = r.GetBoolean(7),
        LastInboundAt = r.IsDBNull(8) ? null : Sql.Instant(r.GetString(8)),
        RateWindowStart = r.IsDBNull(9) ? null : Sql.Instant(r.GetString(9)),
        RateWindowCount = r.GetInt32(10),
        RateNoticeSent = r.GetBoolean(11),
        ResidenceSettlementId = r.IsDBNull(12) ? null : r.GetInt32(12),
        ConversationStep = r.GetString(13),
        ConversationData = r.IsDBNull(14) ? null : r.GetString(14),
        Version = r.GetInt32(15),
    };
}
