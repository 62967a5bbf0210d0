using Hromada.Core.Catalogs;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.PublicResults;

/// <summary>What the public results page can be filtered by; <see cref="Page"/> counts from 1.</summary>
public sealed record ResultsFilter(
    string? Sphere = null, string? Settlement = null, DecisionOutcome? Outcome = null, string? Query = null, int Page = 1);

/// <summary>A consultation whose results are public.</summary>
public sealed record PublishedConsultation(int Id, string Title, DateTimeOffset Deadline);

/// <summary>One line of a figure: a catalog entry (or an outcome) and how many proposals it has; code and label empty for "no settlement".</summary>
public sealed record ResultsCount(string Code, string Label, int Value);

/// <summary>The figures of a consultation: every proposal received.</summary>
public sealed record ResultsFigures(
    int Received, int Decided, int Late, IReadOnlyList<ResultsCount> BySphere, IReadOnlyList<ResultsCount> BySettlement, IReadOnlyList<DecisionCount> ByOutcome);

/// <summary>How many proposals got one outcome.</summary>
public sealed record DecisionCount(DecisionOutcome Outcome, int Value);

/// <summary>
/// One proposal as the public sees it: no author. <see cref="Text"/> is null when the working group hid it
/// (<see cref="HiddenReason"/> says why). Dates are in the hromada's local time.
/// </summary>
public sealed record ResultsItem(
    string Reference, DateTimeOffset ReceivedAt, bool IsLate, string Sphere, string? Topic, string? Settlement, string? Text, string? HiddenReason,
    ProposalStatus Status, DecisionOutcome? Outcome, string? Justification, string? ProtocolNumber, DateOnly? ProtocolDate, DateTimeOffset? DecidedAt);

/// <summary>A page of the results: the figures, the filtered proposals and what the filters offer.</summary>
public sealed record ResultsPage(
    PublishedConsultation Consultation, ResultsFigures Figures, IReadOnlyList<ResultsItem> Items, int Total, int Page, int PageCount,
    IReadOnlyList<ResultsCount> Spheres, IReadOnlyList<ResultsCount> Settlements);

/// <summary>
/// Reads a consultation's public results (only when the working group has published them): the figures of everything
/// received, and the decided proposals with their outcome and justification; the same as open data. A proposal's text
/// is public only once it is decided: by then the working group has read it and could hide a text naming private
/// persons, so nothing a resident has just written reaches the page unread. Never the author's name or contacts; a
/// text the working group hid is neither shown nor searched.
/// </summary>
public sealed class ResultsReader(HromadaDbContext db, CommunityClock clock)
{
    public const int PageSize = 20;
    public const int MaxQueryLength = 200;

    public Task<List<PublishedConsultation>> ListPublishedAsync(CancellationToken ct) =>
        db.Consultations.AsNoTracking().Where(c => c.ResultsPublic).OrderByDescending(c => c.OpensAt)
            .Select(c => new PublishedConsultation(c.Id, c.Title, c.Deadline)).ToListAsync(ct);

    public async Task<ResultsPage?> ReadAsync(int consultationId, ResultsFilter filter, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var consultation = await FindAsync(consultationId, ct);
        if (consultation is null)
        {
            return null;
        }
        var catalog = await Catalog.LoadAsync(db, ct);
        var all = db.Proposals.AsNoTracking().Where(p => p.ConsultationId == consultationId);

        var bySphere = (await all.GroupBy(p => p.SphereId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => (Item: catalog.Spheres[g.Key], g.Count))
            .OrderBy(g => g.Item.SortOrder).ThenBy(g => g.Item.Label, StringComparer.Ordinal)
            .Select(g => new ResultsCount(g.Item.Code, g.Item.Label, g.Count)).ToList();
        var bySettlement = (await all.GroupBy(p => p.SettlementId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(g => g.Key is { } id
                ? new ResultsCount(catalog.Settlements[id].Code, catalog.Settlements[id].DisplayName, g.Count)
                : new ResultsCount("", "", g.Count))
            .OrderByDescending(c => c.Value).ThenBy(c => c.Label, StringComparer.Ordinal).ToList();
        var byOutcome = (await all.Where(p => p.Outcome != null).GroupBy(p => p.Outcome!.Value).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderBy(g => g.Key).Select(g => new DecisionCount(g.Key, g.Count)).ToList();
        var figures = new ResultsFigures(
            await all.CountAsync(ct), byOutcome.Sum(c => c.Value), await all.CountAsync(p => p.IsLate, ct), bySphere, bySettlement, byOutcome);

        var filtered = Filter(all.Where(p => p.Outcome != null), filter, catalog);
        var total = await filtered.CountAsync(ct);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var page = Math.Clamp(filter.Page, 1, pageCount);
        var rows = await Project(filtered.OrderBy(p => p.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(ct);
        var items = rows.Select(r => ToItem(r, catalog)).ToList();

        return new ResultsPage(consultation, figures, items, total, page, pageCount,
            bySphere, bySettlement.Where(c => c.Code.Length > 0).OrderBy(c => c.Label, StringComparer.Ordinal).ToList());
    }

    /// <summary>Every decided proposal of a published consultation, in the order received, for the open data; null when not published.</summary>
    public async Task<(PublishedConsultation Consultation, IAsyncEnumerable<ResultsItem> Items)?> ReadAllAsync(int consultationId, CancellationToken ct)
    {
        var consultation = await FindAsync(consultationId, ct);
        if (consultation is null)
        {
            return null;
        }
        var catalog = await Catalog.LoadAsync(db, ct);
        var items = Project(db.Proposals.AsNoTracking().Where(p => p.ConsultationId == consultationId && p.Outcome != null).OrderBy(p => p.Id))
            .AsAsyncEnumerable()
            .Select(r => ToItem(r, catalog));
        return (consultation, items);
    }

    private Task<PublishedConsultation?> FindAsync(int consultationId, CancellationToken ct) =>
        db.Consultations.AsNoTracking().Where(c => c.Id == consultationId && c.ResultsPublic)
            .Select(c => new PublishedConsultation(c.Id, c.Title, c.Deadline)).SingleOrDefaultAsync(ct);

    // Only the columns the public may see: the author's fields are never read.
    private static IQueryable<Row> Project(IQueryable<Proposal> query) =>
        query.Select(p => new Row(
            p.Reference, p.ReceivedAt, p.IsLate, p.SphereId, p.TopicId, p.SettlementId, p.UnlistedSettlement,
            p.PublicTextHiddenReason == null ? p.Text : null, p.PublicTextHiddenReason,
            p.Status, p.Outcome, p.Justification, p.ProtocolNumber, p.ProtocolDate, p.DecidedAt));

    private ResultsItem ToItem(Row p, Catalog catalog) => new(
        p.Reference, clock.ToLocal(p.ReceivedAt), p.IsLate, catalog.Spheres[p.SphereId].Label,
        p.TopicId is { } t && catalog.Topics.TryGetValue(t, out var topic) ? topic.Label : null,
        p.SettlementId is { } s ? catalog.Settlements[s].DisplayName : p.UnlistedSettlement,
        p.Text, p.HiddenReason, p.Status, p.Outcome,
        p.Outcome is null ? null : p.Justification, p.Outcome is null ? null : p.ProtocolNumber, p.Outcome is null ? null : p.ProtocolDate,
        p.DecidedAt is { } at ? clock.ToLocal(at) : null);

    private static IQueryable<Proposal> Filter(IQueryable<Proposal> query, ResultsFilter filter, Catalog catalog)
    {
        if (!string.IsNullOrWhiteSpace(filter.Sphere))
        {
            var id = catalog.Spheres.Values.FirstOrDefault(s => s.Code == filter.Sphere)?.Id ?? -1;
            query = query.Where(p => p.SphereId == id);
        }
        if (!string.IsNullOrWhiteSpace(filter.Settlement))
        {
            var id = catalog.Settlements.Values.FirstOrDefault(s => s.Code == filter.Settlement)?.Id ?? -1;
            query = query.Where(p => p.SettlementId == id);
        }
        if (filter.Outcome is { } outcome)
        {
            query = query.Where(p => p.Outcome == outcome);
        }
        if (!string.IsNullOrWhiteSpace(filter.Query))
        {
            var trimmed = filter.Query.Trim();
            query = query.MatchingPublicly(trimmed.Length > MaxQueryLength ? trimmed[..MaxQueryLength] : trimmed);
        }
        return query;
    }

    private sealed record Row(
        string Reference, DateTimeOffset ReceivedAt, bool IsLate, int SphereId, int? TopicId, int? SettlementId, string? UnlistedSettlement,
        string? Text, string? HiddenReason, ProposalStatus Status, DecisionOutcome? Outcome, string? Justification, string? ProtocolNumber,
        DateOnly? ProtocolDate, DateTimeOffset? DecidedAt);

    private sealed record Catalog(Dictionary<int, Sphere> Spheres, Dictionary<int, Topic> Topics, Dictionary<int, Settlement> Settlements)
    {
        public static async Task<Catalog> LoadAsync(HromadaDbContext db, CancellationToken ct) => new(
            await db.Spheres.AsNoTracking().ToDictionaryAsync(s => s.Id, ct),
            await db.Topics.AsNoTracking().ToDictionaryAsync(s => s.Id, ct),
            await db.Settlements.AsNoTracking().ToDictionaryAsync(s => s.Id, ct));
    }
}
