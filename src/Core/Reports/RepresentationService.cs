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
        var rows = new List<Row>();
        var source = query.OrderBy(p => p.Id).Select(p => new
        {
            p.Id, p.ResidentId, p.AuthorPhone, p.AuthorEmail, p.AuthorName, p.Channel, p.AuthorCategoryId, p.BusinessKindId,
            p.SettlementId, p.ResidenceSettlementId, Unlisted = p.UnlistedSettlement != null, p.SphereId, p.TopicId,
            p.IsLate, p.IsUnidentified, p.IsOffTopic, Duplicate = p.DuplicateOfReference != null, p.Outcome,
        }).AsAsyncEnumerable();
        await foreach (var p in source.WithCancellation(ct))
        {
            var index = identity.Add(p.ResidentId, p.AuthorPhone, p.AuthorEmail, p.AuthorName);
            rows.Add(new Row(p.Id, index, p.Channel, p.AuthorCategoryId, p.BusinessKindId, p.SettlementId, p.ResidenceSettlementId,
                p.Unlisted, p.SphereId, p.TopicId, p.IsLate, p.IsUnidentified, p.IsOffTopic, p.Duplicate, p.Outcome));
        }
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i] = rows[i] with { Author = identity.AuthorOf(i) };
        }
        // Social groups: one link per proposal and group, streamed; rows are in id order, so the author is found by binary search.
        var ids = new int[rows.Count];
        for (var i = 0; i < ids.Length; i++)
        {
            ids[i] = rows[i].Id;
        }
        var groupLinks = new List<(int Author, int Group)>();
        var links = query.SelectMany(p => p.SocialGroups, (p, g) => new { p.Id, GroupId = g.Id }).AsAsyncEnumerable();
        await foreach (var link in links.WithCancellation(ct))
        {
            var i = Array.BinarySearch(ids, link.Id);
            if (i >= 0)
            {
                groupLinks.Add((rows[i].Author, link.GroupId));
            }
        }
        // Counted in author order, each bucket tells a new author from the last one it saw: distinct authors without a set per bucket.
        rows.Sort((a, b) => a.Author.CompareTo(b.Author));
        groupLinks.Sort((a, b) => a.Author.CompareTo(b.Author));

        var counter = new Counter();
        var all = counter.Bucket(Key.All);
        foreach (var r in rows)
        {
            all.Add(r.Author);
            counter.Bucket(Key.Channel, (int)r.Channel).Add(r.Author);
            counter.Bucket(Key.ChannelGroup, (int)ProposalLabels.Group(r.Channel)).Add(r.Author);
            counter.Bucket(Key.Category, r.CategoryId).Add(r.Author);
            var category = catalogs.Categories.GetValueOrDefault(r.CategoryId);
            counter.Bucket(category?.Asks == AuthorDetail.SocialGroups ? Key.Individual : Key.LegalEntity).Add(r.Author);
            if (category?.Asks == AuthorDetail.BusinessKind) counter.Bucket(Key.Business).Add(r.Author);
            if (r.BusinessKindId is { } kind) counter.Bucket(Key.BusinessKind, kind).Add(r.Author);
            if (r.ResidenceId is { } home && catalogs.Settlements.TryGetValue(home, out var homeSettlement))
            {
                counter.Bucket(Key.Home, home).Add(r.Author);
                counter.Bucket(Key.HomeDistrict, homeSettlement.DistrictId).Add(r.Author);
            }
            else
            {
                counter.Bucket(Key.HomeUnknown).Add(r.Author);
            }
            if (r.SettlementId is { } place && catalogs.Settlements.TryGetValue(place, out var settlement))
            {
                counter.Bucket(Key.Place, place).Add(r.Author);
                counter.Bucket(Key.PlaceDistrict, settlement.DistrictId).Add(r.Author);
            }
            else
            {
                counter.Bucket(r.Unlisted ? Key.PlaceUnlisted : Key.PlaceHromada).Add(r.Author);
            }
            counter.Bucket(Key.Sphere, r.SphereId).Add(r.Author);
            if (r.TopicId is { } topic) counter.Bucket(Key.Topic, topic).Add(r.Author);
            else counter.Bucket(Key.NoTopic, r.SphereId).Add(r.Author);
            counter.Bucket(OutcomeKey(r.Outcome), r.SphereId).Add(r.Author);
            if (r.Late) counter.Bucket(Key.Late).Add(r.Author);
            if (r.Unidentified) counter.Bucket(Key.Unidentified).Add(r.Author);
            if (r.OffTopic) counter.Bucket(Key.OffTopic).Add(r.Author);
            if (r.Duplicate) counter.Bucket(Key.Duplicate).Add(r.Author);
            if (r.Outcome is not null) counter.Bucket(Key.Decided).Add(r.Author);
        }

        foreach (var (author, group) in groupLinks)
        {
            counter.Bucket(Key.SocialGroup, group).Add(author);
        }

        List<CodeTally> Listed<T>(IEnumerable<T> items, Key key) where T : CatalogItem =>
            items.Select(x => (x, t: counter.Tally(key, x.Id)))
                .Where(e => !e.x.IsRetired || e.t.Proposals > 0)
                .Select(e => new CodeTally(e.x.Code, e.x.Label, e.t.Proposals, e.t.Authors)).ToList();

        var byChannel = ProposalLabels.IntakeChannels
            .Select(c => { var t = counter.Tally(Key.Channel, (int)c); return new CodeTally(c.ToString(), ProposalLabels.Channel(c), t.Proposals, t.Authors); })
            .ToList();
        var settlements = catalogs.Settlements.Values.OrderBy(s => catalogs.DistrictOrder(s.DistrictId)).ThenBy(s => s.SortOrder)
            .Select(s => (s, home: counter.Tally(Key.Home, s.Id), place: counter.Tally(Key.Place, s.Id)))
            .Where(e => !e.s.IsRetired || e.home.Proposals + e.place.Proposals > 0)
            .Select(e => new SettlementTally(e.s.Code, e.s.DisplayName, catalogs.Districts[e.s.DistrictId].Code, e.home, e.place))
            .ToList();
        var districts = catalogs.Districts.Values.OrderBy(d => d.SortOrder)
            .Select(d => (d, home: counter.Tally(Key.HomeDistrict, d.Id), place: counter.Tally(Key.PlaceDistrict, d.Id)))
            .Where(e => !e.d.IsRetired || e.home.Proposals + e.place.Proposals > 0)
            .Select(e => new DistrictTally(e.d.Code, e.d.Label, e.home, e.place))
            .ToList();
        var spheres = catalogs.Spheres.Values.OrderBy(s => s.SortOrder)
            .Select(s => (s, t: counter.Tally(Key.Sphere, s.Id)))
            .Where(e => !e.s.IsRetired || e.t.Proposals > 0)
            .Select(e => new SphereTally(e.s.Code, e.s.Label, e.t.Proposals, e.t.Authors,
                catalogs.Topics.Values.Where(t => t.SphereId == e.s.Id)
                    .Select(t => (t, n: counter.Tally(Key.Topic, t.Id).Proposals))
                    .Where(x => x.n > 0)
                    .OrderByDescending(x => x.n).ThenBy(x => x.t.SortOrder)
                    .Take(TopTopicCount)
                    .Select(x => new TopicTally(x.t.Code, x.t.Label, x.n)).ToList(),
                counter.Tally(Key.NoTopic, e.s.Id).Proposals,
                Outcomes(counter, e.s.Id)))
            .ToList();
        var outcomes = new OutcomeTally(
            spheres.Sum(s => s.Outcomes.Accepted), spheres.Sum(s => s.Outcomes.PartiallyAccepted),
            spheres.Sum(s => s.Outcomes.Rejected), spheres.Sum(s => s.Outcomes.Undecided));

        var totals = new ReportTotals(all.Proposals, all.Authors, counter.Tally(Key.Late).Proposals, counter.Tally(Key.Unidentified).Proposals,
            counter.Tally(Key.Decided).Proposals, counter.Tally(Key.OffTopic).Proposals, counter.Tally(Key.Duplicate).Proposals);
        var protocol = new ProtocolFigures(
            counter.Tally(Key.Individual), counter.Tally(Key.LegalEntity), counter.Tally(Key.Business),
            counter.Tally(Key.ChannelGroup, (int)ChannelGroup.SocialNetworks), counter.Tally(Key.ChannelGroup, (int)ChannelGroup.WebForm), counter.Tally(Key.ChannelGroup, (int)ChannelGroup.Other));

        var report = new RepresentationReport(
            new ReportConsultation(consultation.Id, consultation.Title, LocalDate(consultation.OpensAt), LocalDate(consultation.Deadline),
                consultation.ClosedAt is { } closed ? LocalDate(closed) : null),
            period,
            clock.UtcNow,
            AuthorIdentity.Description,
            totals,
            protocol,
            byChannel,
            Listed(catalogs.Categories.Values.OrderBy(c => c.SortOrder), Key.Category),
            Listed(catalogs.SocialGroups.Values.OrderBy(c => c.SortOrder), Key.SocialGroup),
            Listed(catalogs.BusinessKinds.Values.OrderBy(c => c.SortOrder), Key.BusinessKind),
            districts,
            settlements,
            counter.Tally(Key.HomeUnknown),
            counter.Tally(Key.PlaceHromada),
            counter.Tally(Key.PlaceUnlisted),
            spheres,
            outcomes,
            "",
            []);
        return report with { Statistics = ProtocolText.Statistics(report, clock.Today), Gaps = ProtocolText.Gaps(report) };
    }

    private static OutcomeTally Outcomes(Counter counter, int sphereId) => new(
        counter.Tally(Key.Accepted, sphereId).Proposals,
        counter.Tally(Key.PartiallyAccepted, sphereId).Proposals,
        counter.Tally(Key.Rejected, sphereId).Proposals,
        counter.Tally(Key.Undecided, sphereId).Proposals);

    private static Key OutcomeKey(DecisionOutcome? outcome) => outcome switch
    {
        DecisionOutcome.Accepted => Key.Accepted,
        DecisionOutcome.PartiallyAccepted => Key.PartiallyAccepted,
        DecisionOutcome.Rejected => Key.Rejected,
        _ => Key.Undecided,
    };

    /// <summary>What a bucket counts; with an id where it is per catalog entry.</summary>
    private enum Key
    {
        All, Channel, ChannelGroup, Category, Individual, LegalEntity, Business, BusinessKind, SocialGroup, Home, HomeDistrict,
        HomeUnknown, Place, PlaceDistrict, PlaceHromada, PlaceUnlisted, Sphere, Topic, NoTopic, Accepted, PartiallyAccepted,
        Rejected, Undecided, Late, Unidentified, OffTopic, Duplicate, Decided,
    }

    private DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(clock.ToLocal(instant).DateTime);

    /// <summary>Proposals and distinct authors per bucket.</summary>
    private sealed class Counter
    {
        private readonly Dictionary<(Key, int), Bucket> _buckets = [];

        public Bucket Bucket(Key key, int id = 0)
        {
            if (!_buckets.TryGetValue((key, id), out var bucket))
            {
                bucket = new Bucket();
                _buckets[(key, id)] = bucket;
            }
            return bucket;
        }

        public Tally Tally(Key key, int id = 0) => _buckets.TryGetValue((key, id), out var b) ? new Tally(b.Proposals, b.Authors) : Reports.Tally.Zero;
    }

    /// <summary>Counts proposals, and authors when they come in author order (all of one author's proposals together).</summary>
    private sealed class Bucket
    {
        private int _lastAuthor = -1;

        public int Proposals { get; private set; }

        public int Authors { get; private set; }

        public void Add(int author)
        {
            Proposals++;
            if (author != _lastAuthor)
            {
                Authors++;
                _lastAuthor = author;
            }
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
