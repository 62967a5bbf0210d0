using Hromada.Core.Catalogs;
using Hromada.Core.Community;
using Hromada.Core.Consultations;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Reports;

/// <summary>
/// Counts a consultation's proposals and their authors by channel, author category, social group, business kind,
/// district and settlement (by residence and by the settlement concerned) and sphere, with every catalog entry listed
/// even at zero, and writes the protocol's statistics paragraph and the gaps. Reads one narrow row per proposal (no
/// entities, no tracking); names and contacts are only compared to count people and never leave this class.
/// </summary>
public sealed class RepresentationService(HromadaDbContext db, CommunityClock clock)
{
    /// <summary>How many topics each sphere lists among its most frequent.</summary>
    public const int TopTopicCount = 5;

    private readonly record struct Row(
        int Id, int Author, Channel Channel, int CategoryId, int? BusinessKindId, int? SettlementId, int? ResidenceId,
        bool Unlisted, int SphereId, int? TopicId, bool Late, bool Unidentified, bool OffTopic, bool Duplicate, DecisionOutcome? Outcome);

    /// <summary>The proposals of <paramref name="consultation"/> received in <paramref name="period"/> (local dates, both ends included).</summary>
    public IQueryable<Proposal> Proposals(int consultation, ReportPeriod period)
    {
        var query = db.Proposals.AsNoTracking().Where(p => p.ConsultationId == consultation);
        if (period.From is { } from)
        {
            var start = clock.StartOfDay(from);
            query = query.Where(p => p.ReceivedAt >= start);
        }
        if (period.To is { } to)
        {
            var end = clock.StartOfDay(to.AddDays(1));
            query = query.Where(p => p.ReceivedAt < end);
        }
        return query;
    }

    public async Task<RepresentationReport> BuildAsync(Consultation consultation, ReportPeriod period, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(consultation);
        ArgumentNullException.ThrowIfNull(period);
        var catalogs = await ReportCatalogs.LoadAsync(db, ct);
        var query = Proposals(consultation.Id, period);

        // One pass over narrow rows; the identity keys are folded into author numbers as they stream by.
        var identity = new AuthorIdentity();
        var raw = new List<Row>();
        var source = query.OrderBy(p => p.Id).Select(p => new
        {
            p.Id, p.ResidentId, p.AuthorPhone, p.AuthorEmail, p.AuthorName, p.Channel, p.AuthorCategoryId, p.BusinessKindId,
            p.SettlementId, p.ResidenceSettlementId, Unlisted = p.UnlistedSettlement != null, p.SphereId, p.TopicId,
            p.IsLate, p.IsUnidentified, p.IsOffTopic, Duplicate = p.DuplicateOfReference != null, p.Outcome,
        }).AsAsyncEnumerable();
        await foreach (var p in source.WithCancellation(ct))
        {
            var index = identity.Add(p.ResidentId, p.AuthorPhone, p.AuthorEmail, p.AuthorName);
            raw.Add(new Row(p.Id, index, p.Channel, p.AuthorCategoryId, p.BusinessKindId, p.SettlementId, p.ResidenceSettlementId,
                p.Unlisted, p.SphereId, p.TopicId, p.IsLate, p.IsUnidentified, p.IsOffTopic, p.Duplicate, p.Outcome));
        }
        var rows = new Row[raw.Count];
        var indexById = new Dictionary<int, int>(raw.Count);
        for (var i = 0; i < raw.Count; i++)
        {
            rows[i] = raw[i] with { Author = identity.AuthorOf(raw[i].Author) };
            indexById[rows[i].Id] = i;
        }
        raw.Clear();

        var groupLinks = await query.SelectMany(p => p.SocialGroups, (p, g) => new { p.Id, GroupId = g.Id }).ToListAsync(ct);

        var counter = new Counter();
        var all = counter.Bucket("all");
        foreach (var r in rows)
        {
            all.Add(r.Author);
            counter.Bucket("ch:" + r.Channel).Add(r.Author);
            counter.Bucket("cg:" + ProposalLabels.Group(r.Channel)).Add(r.Author);
            counter.Bucket("cat:" + r.CategoryId).Add(r.Author);
            var category = catalogs.Categories.GetValueOrDefault(r.CategoryId);
            counter.Bucket(category?.Asks == AuthorDetail.SocialGroups ? "individual" : "legal").Add(r.Author);
            if (category?.Asks == AuthorDetail.BusinessKind) counter.Bucket("business").Add(r.Author);
            if (r.BusinessKindId is { } kind) counter.Bucket("bk:" + kind).Add(r.Author);
            if (r.ResidenceId is { } home && catalogs.Settlements.TryGetValue(home, out var homeSettlement))
            {
                counter.Bucket("home:" + home).Add(r.Author);
                counter.Bucket("homeDistrict:" + homeSettlement.DistrictId).Add(r.Author);
            }
            else
            {
                counter.Bucket("home:unknown").Add(r.Author);
            }
            if (r.SettlementId is { } place && catalogs.Settlements.TryGetValue(place, out var settlement))
            {
                counter.Bucket("place:" + place).Add(r.Author);
                counter.Bucket("placeDistrict:" + settlement.DistrictId).Add(r.Author);
            }
            else
            {
                counter.Bucket(r.Unlisted ? "place:unlisted" : "place:hromada").Add(r.Author);
            }
            counter.Bucket("sphere:" + r.SphereId).Add(r.Author);
            counter.Bucket(r.TopicId is { } topic ? "topic:" + topic : "noTopic:" + r.SphereId).Add(r.Author);
            counter.Bucket($"outcome:{r.SphereId}:{r.Outcome}").Add(r.Author);
            if (r.Late) counter.Bucket("late").Add(r.Author);
            if (r.Unidentified) counter.Bucket("unidentified").Add(r.Author);
            if (r.OffTopic) counter.Bucket("offTopic").Add(r.Author);
            if (r.Duplicate) counter.Bucket("duplicate").Add(r.Author);
            if (r.Outcome is not null) counter.Bucket("decided").Add(r.Author);
        }
        foreach (var link in groupLinks)
        {
            if (indexById.TryGetValue(link.Id, out var i))
            {
                counter.Bucket("sg:" + link.GroupId).Add(rows[i].Author);
            }
        }

        List<CodeTally> Listed<T>(IEnumerable<T> items, string prefix) where T : CatalogItem =>
            items.Select(x => (x, t: counter.Tally(prefix + x.Id)))
                .Where(e => !e.x.IsRetired || e.t.Proposals > 0)
                .Select(e => new CodeTally(e.x.Code, e.x.Label, e.t.Proposals, e.t.Authors)).ToList();

        var byChannel = Enum.GetValues<Channel>()
            .Select(c => { var t = counter.Tally("ch:" + c); return new CodeTally(c.ToString(), ProposalLabels.Channel(c), t.Proposals, t.Authors); })
            .ToList();
        var settlements = catalogs.Settlements.Values.OrderBy(s => catalogs.DistrictOrder(s.DistrictId)).ThenBy(s => s.SortOrder)
            .Select(s => (s, home: counter.Tally("home:" + s.Id), place: counter.Tally("place:" + s.Id)))
            .Where(e => !e.s.IsRetired || e.home.Proposals + e.place.Proposals > 0)
            .Select(e => new SettlementTally(e.s.Code, e.s.DisplayName, catalogs.Districts[e.s.DistrictId].Code, e.home, e.place))
            .ToList();
        var districts = catalogs.Districts.Values.OrderBy(d => d.SortOrder)
            .Select(d => (d, home: counter.Tally("homeDistrict:" + d.Id), place: counter.Tally("placeDistrict:" + d.Id)))
            .Where(e => !e.d.IsRetired || e.home.Proposals + e.place.Proposals > 0)
            .Select(e => new DistrictTally(e.d.Code, e.d.Label, e.home, e.place))
            .ToList();
        var spheres = catalogs.Spheres.Values.OrderBy(s => s.SortOrder)
            .Select(s => (s, t: counter.Tally("sphere:" + s.Id)))
            .Where(e => !e.s.IsRetired || e.t.Proposals > 0)
            .Select(e => new SphereTally(e.s.Code, e.s.Label, e.t.Proposals, e.t.Authors,
                catalogs.Topics.Values.Where(t => t.SphereId == e.s.Id)
                    .Select(t => (t, n: counter.Tally("topic:" + t.Id).Proposals))
                    .Where(x => x.n > 0)
                    .OrderByDescending(x => x.n).ThenBy(x => x.t.SortOrder)
                    .Take(TopTopicCount)
                    .Select(x => new TopicTally(x.t.Code, x.t.Label, x.n)).ToList(),
                counter.Tally("noTopic:" + e.s.Id).Proposals,
                Outcomes(counter, $"outcome:{e.s.Id}:")))
            .ToList();
        var outcomes = new OutcomeTally(
            spheres.Sum(s => s.Outcomes.Accepted), spheres.Sum(s => s.Outcomes.PartiallyAccepted),
            spheres.Sum(s => s.Outcomes.Rejected), spheres.Sum(s => s.Outcomes.Undecided));

        var totals = new ReportTotals(all.Proposals, all.Authors, counter.Tally("late").Proposals, counter.Tally("unidentified").Proposals,
            counter.Tally("decided").Proposals, counter.Tally("offTopic").Proposals, counter.Tally("duplicate").Proposals);
        var protocol = new ProtocolFigures(
            counter.Tally("individual"), counter.Tally("legal"), counter.Tally("business"),
            counter.Tally("cg:" + ChannelGroup.SocialNetworks), counter.Tally("cg:" + ChannelGroup.WebForm), counter.Tally("cg:" + ChannelGroup.Other));

        var report = new RepresentationReport(
            new ReportConsultation(consultation.Id, consultation.Title, LocalDate(consultation.OpensAt), LocalDate(consultation.Deadline),
                consultation.ClosedAt is { } closed ? LocalDate(closed) : null),
            period,
            clock.UtcNow,
            AuthorIdentity.Description,
            totals,
            protocol,
            byChannel,
            Listed(catalogs.Categories.Values.OrderBy(c => c.SortOrder), "cat:"),
            Listed(catalogs.SocialGroups.Values.OrderBy(c => c.SortOrder), "sg:"),
            Listed(catalogs.BusinessKinds.Values.OrderBy(c => c.SortOrder), "bk:"),
            districts,
            settlements,
            counter.Tally("home:unknown"),
            counter.Tally("place:hromada"),
            counter.Tally("place:unlisted"),
            spheres,
            outcomes,
            "",
            []);
        return report with { Statistics = ProtocolText.Statistics(report, clock.Today), Gaps = ProtocolText.Gaps(report) };
    }

    private static OutcomeTally Outcomes(Counter counter, string prefix) => new(
        counter.Tally(prefix + DecisionOutcome.Accepted).Proposals,
        counter.Tally(prefix + DecisionOutcome.PartiallyAccepted).Proposals,
        counter.Tally(prefix + DecisionOutcome.Rejected).Proposals,
        counter.Tally(prefix).Proposals);

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(clock.ToLocal(instant).DateTime);

    /// <summary>Proposals and distinct authors per named bucket.</summary>
    private sealed class Counter
    {
        private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);

        public Bucket Bucket(string name)
        {
            if (!_buckets.TryGetValue(name, out var bucket))
            {
                bucket = new Bucket();
                _buckets[name] = bucket;
            }
            return bucket;
        }

        public Tally Tally(string name) => _buckets.TryGetValue(name, out var b) ? new Tally(b.Proposals, b.Authors) : Reports.Tally.Zero;
    }

    private sealed class Bucket
    {
        private readonly HashSet<int> _authors = [];

        public int Proposals { get; private set; }

        public int Authors => _authors.Count;

        public void Add(int author)
        {
            Proposals++;
            _authors.Add(author);
        }
    }
}

/// <summary>The catalogs a report lists, read once per report (they are small).</summary>
internal sealed class ReportCatalogs
{
    public required Dictionary<int, Settlement> Settlements { get; init; }
    public required Dictionary<int, StarostaDistrict> Districts { get; init; }
    public required Dictionary<int, Sphere> Spheres { get; init; }
    public required Dictionary<int, Topic> Topics { get; init; }
    public required Dictionary<int, AuthorCategory> Categories { get; init; }
    public required Dictionary<int, SocialGroup> SocialGroups { get; init; }
    public required Dictionary<int, BusinessKind> BusinessKinds { get; init; }
    public required Dictionary<int, ReviewBody> ReviewBodies { get; init; }

    public int DistrictOrder(int districtId) => Districts.TryGetValue(districtId, out var d) ? d.SortOrder : int.MaxValue;

    public static async Task<ReportCatalogs> LoadAsync(HromadaDbContext db, CancellationToken ct) => new()
    {
        Settlements = await db.Settlements.AsNoTracking().ToDictionaryAsync(x => x.Id, ct),
        Districts = await db.StarostaDistricts.AsNoTracking().ToDictionaryAsync(x => x.Id, ct),
        Spheres = await db.Spheres.AsNoTracking().ToDictionaryAsync(x => x.Id, ct),
        Topics = await db.Topics.AsNoTracking().ToDictionaryAsync(x => x.Id, ct),
        Categories = await db.AuthorCategories.AsNoTracking().ToDictionaryAsync(x => x.Id, ct),
        SocialGroups = await db.SocialGroups.AsNoTracking().ToDictionaryAsync(x => x.Id, ct),
        BusinessKinds = await db.BusinessKinds.AsNoTracking().ToDictionaryAsync(x => x.Id, ct),
        ReviewBodies = await db.ReviewBodies.AsNoTracking().ToDictionaryAsync(x => x.Id, ct),
    };
}
