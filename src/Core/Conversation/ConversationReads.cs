using Hromada.Core.Consultations;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Conversation;

/// <summary>
/// The turn's reads, untracked; nothing here writes. The context is taken from the scope on the first read (a
/// submission, a command): most turns read nothing here and need no context from the pool.
/// </summary>
internal sealed class ConversationReads(IServiceProvider services) : IConversationReads
{
    private HromadaDbContext Db => services.GetRequiredService<HromadaDbContext>();

    public async Task<IReadOnlyList<Consultation>> AcceptingAsync(DateTimeOffset now, CancellationToken ct)
    {
        var candidates = await Db.Consultations.AsNoTracking().Where(c => c.ClosedAt == null && c.OpensAt <= now).ToListAsync(ct);
        return candidates.OrderBy(c => c.OpensAt).ThenBy(c => c.Id).ToList();
    }

    public Task<int> CountProposalsAsync(int residentId, DateTimeOffset? since, CancellationToken ct) =>
        since is { } from
            ? Db.Proposals.CountAsync(p => p.ResidentId == residentId && p.ReceivedAt >= from, ct)
            : Db.Proposals.CountAsync(p => p.ResidentId == residentId, ct);

    public async Task<IReadOnlyList<Proposal>> LatestProposalsAsync(int residentId, int count, CancellationToken ct) =>
        await Db.Proposals.AsNoTracking().Where(p => p.ResidentId == residentId).OrderByDescending(p => p.Id).Take(count).ToListAsync(ct);
}
