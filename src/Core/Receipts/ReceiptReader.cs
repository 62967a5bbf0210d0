using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Receipts;

/// <summary>What a proposal's receipt page shows: the proposal and its way through the procedure, never the author.</summary>
public sealed record ReceiptView(
    string Reference,
    string Text,
    string Consultation,
    string Sphere,
    string? Topic,
    string? Settlement,
    DateTimeOffset ReceivedAt,
    bool IsLate,
    ProposalStatus Status,
    IReadOnlyList<ReceiptRoute> Routes,
    DecisionOutcome? Outcome,
    string? Justification,
    string? ProtocolNumber,
    DateOnly? ProtocolDate,
    DateTimeOffset? DecidedAt);

/// <summary>One review body the proposal was sent to, when (local time) and by when it is to answer.</summary>
public sealed record ReceiptRoute(string Body, DateTimeOffset RoutedAt, DateOnly DueDate);

/// <summary>Finds a proposal by its receipt key; an unknown reference and a wrong code are the same "nothing".</summary>
public sealed class ReceiptReader(HromadaDbContext db, CommunityClock clock)
{
    public async Task<ReceiptView?> FindAsync(string? key, CancellationToken ct)
    {
        if (!ReceiptLinks.TryParse(key, out var reference, out var code))
        {
            return null;
        }
        var p = await db.Proposals.AsNoTracking()
            .Include(x => x.Consultation).Include(x => x.Sphere).Include(x => x.Topic).Include(x => x.Settlement)
            .Include(x => x.Routes).ThenInclude(r => r.ReviewBody)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Reference == reference, ct);
        if (p is null || string.IsNullOrEmpty(p.ReceiptCode) || !ReceiptLinks.Matches(p.ReceiptCode, code))
        {
            return null;
        }
        return new ReceiptView(
            p.Reference,
            p.Text,
            p.Consultation?.Title ?? "",
            p.Sphere?.Label ?? "",
            p.Topic?.Label,
            p.Settlement?.DisplayName ?? p.UnlistedSettlement,
            clock.ToLocal(p.ReceivedAt),
            p.IsLate,
            p.Status,
            p.Routes.OrderBy(r => r.RoutedAt).ThenBy(r => r.Id)
                .Select(r => new ReceiptRoute(r.ReviewBody?.Label ?? "", clock.ToLocal(r.RoutedAt), r.DueDate)).ToList(),
            p.Outcome,
            p.Justification,
            p.ProtocolNumber,
            p.ProtocolDate,
            p.DecidedAt is { } at ? clock.ToLocal(at) : null);
    }
}
