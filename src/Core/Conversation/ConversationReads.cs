using Hromada.Core.Consultations;
using Hromada.Core.Pipeline;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Conversation;

/// <summary>
/// The turn's reads, untracked; nothing here writes. The context is taken from the scope on the first read (a
/// submission, a command): most turns read nothing here and need no context from the pool. The two reads of every
/// submission are hand-written statements (SQL both engines run; instants are stored as ordered text, see
/// <see cref="UtcTextConverter"/>): through LINQ, their query-cache lookups cost more than the statements.
/// </summary>
internal sealed class ConversationReads(IServiceProvider services) : IConversationReads
{
    private HromadaDbContext Db => services.GetRequiredService<HromadaDbContext>();

    public async Task<IReadOnlyList<Consultation>> AcceptingAsync(DateTimeOffset now, CancellationToken ct)
    {
        var db = Db;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var read = Sql.Command(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(),
                "SELECT \"Id\", \"Title\", \"OpensAt\", \"Deadline\", \"CreatedAt\", \"ResultsPublic\", \"Version\" FROM \"Consultations\" " +
                "WHERE \"ClosedAt\" IS NULL AND \"OpensAt\" <= @now ORDER BY \"OpensAt\", \"Id\"",
                ("@now", UtcTextConverter.Format(now)));
            await using var reader = await read.ExecuteReaderAsync(ct);
            var open = new List<Consultation>();
            while (await reader.ReadAsync(ct))
            {
                open.Add(new Consultation
                {
                    Id = reader.GetInt32(0),
                    Title = reader.GetString(1),
                    OpensAt = Sql.Instant(reader.GetString(2)),
                    Deadline = Sql.Instant(reader.GetString(3)),
                    CreatedAt = Sql.Instant(reader.GetString(4)),
                    ResultsPublic = reader.GetBoolean(5),
                    Version = reader.GetInt32(6),
                });
            }
            return open;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<int> CountProposalsAsync(int residentId, DateTimeOffset? since, CancellationToken ct)
    {
        var db = Db;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var count = Sql.Command(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(),
                since is null
                    ? "SELECT COUNT(*) FROM \"Proposals\" WHERE \"ResidentId\" = @resident"
                    : "SELECT COUNT(*) FROM \"Proposals\" WHERE \"ResidentId\" = @resident AND \"ReceivedAt\" >= @since",
                ("@resident", residentId), ("@since", since is { } from ? UtcTextConverter.Format(from) : null));
            return Convert.ToInt32(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<IReadOnlyList<Proposal>> LatestProposalsAsync(int residentId, int count, CancellationToken ct) =>
        await Db.Proposals.AsNoTracking().Where(p => p.ResidentId == residentId).OrderByDescending(p => p.Id).Take(count).ToListAsync(ct);
}
