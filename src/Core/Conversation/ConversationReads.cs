using Hromada.Core.Consultations;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Conversation;

/// <summary>The turn's reads, untracked; nothing here writes.</summary>
internal sealed class ConversationReads(HromadaDbContext db) : IConversationReads
{
    public async Task<IReadOnlyList<Consultation>> AcceptingAsync(DateTimeOffset now, CancellationToken ct)
    {
        var candidates = await db.Consultations.AsNoTracking().Where(c => c.ClosedAt == null && c.OpensAt <= now).ToListAsync(ct);
        return candidates.OrderBy(c => c.OpensAt).ThenBy(c => c.Id).ToList();
    }

    public Task<int> CountProposalsAsync(int residentId, DateTimeOffset? since, CancellationToken ct) =>
        since is { } from
            ? db.Proposals.CountAsync(p => p.ResidentId == residentId && p.ReceivedAt >= from, ct)
            : db.Proposals.CountAsync(p => p.ResidentId == residentId, ct);

    public async Task<IReadOnlyList<Proposal>> LatestProposalsAsync(int residentId, int count, CancellationToken ct) =>
        await db.Proposals.AsNoTracking().Where(p => p.ResidentId == residentId).OrderByDescending(p => p.Id).Take(count).ToListAsync(ct);
}
