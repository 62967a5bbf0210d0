using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Reports;

/// <summary>Puts proposals with every detail the reports count into a test database.</summary>
internal sealed class ReportData(CoreTestHost host)
{
    private readonly Dictionary<string, int> _residents = [];

    public async Task<Proposal> AddAsync(
        Channel channel = Channel.Paper, string? resident = null, string category = "person", string[]? groups = null,
        string? businessKind = null, string? residence = null, string? settlement = null, string? unlisted = null,
        string sphere = "infrastructure", string? topic = null, string? name = null, string? phone = null, string? email = null,
        DateTimeOffset? receivedAt = null, DecisionOutcome? outcome = null, string text = "Пропозиція для звіту")
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        int? residentId = null;
        if (resident is not null)
        {
            if (!_residents.TryGetValue(resident, out var id))
            {
                var r = new Resident { Channel = channel, ChannelUserId = resident, CreatedAt = host.Time.GetUtcNow() };
                db.Residents.Add(r);
                await db.SaveChangesAsync();
                id = r.Id;
                _residents[resident] = id;
            }
            residentId = id;
        }
        async Task<int?> SettlementAsync(string? code) => code is null ? null : (await db.Settlements.SingleAsync(s => s.Code == code)).Id;
        var sphereRow = await db.Spheres.SingleAsync(s => s.Code == sphere);
        var groupCodes = groups ?? [];
        var p = await scope.ServiceProvider.GetRequiredService<ProposalService>().SubmitAsync(new NewProposal
        {
            ConsultationId = (await db.Consultations.FirstAsync()).Id,
            Channel = channel,
            ReceivedAt = receivedAt ?? host.Time.GetUtcNow(),
            AuthorCategoryId = (await db.AuthorCategories.SingleAsync(c => c.Code == category)).Id,
            SocialGroupIds = await db.SocialGroups.Where(g => groupCodes.Contains(g.Code)).Select(g => g.Id).ToListAsync(),
            BusinessKindId = businessKind is null ? null : (await db.BusinessKinds.SingleAsync(b => b.Code == businessKind)).Id,
            ResidenceSettlementId = await SettlementAsync(residence),
            SettlementId = await SettlementAsync(settlement),
            UnlistedSettlement = unlisted,
            SphereId = sphereRow.Id,
            TopicId = topic is null ? null : (await db.Topics.SingleAsync(t => t.Code == topic && t.SphereId == sphereRow.Id)).Id,
            Text = text,
            AuthorName = name,
            AuthorPhone = phone,
            AuthorEmail = email,
            ResidentId = residentId,
            Actor = "test",
        });
        if (outcome is { } o)
        {
            var stored = await db.Proposals.SingleAsync(x => x.Id == p.Id);
            stored.Outcome = o;
            stored.Status = ProposalStatus.Decided;
            stored.Justification = "Обґрунтування робочої групи";
            stored.ProtocolNumber = "3";
            stored.ProtocolDate = new DateOnly(2026, 11, 20);
            stored.DecidedAt = host.Time.GetUtcNow();
            await db.SaveChangesAsync();
        }
        return p;
    }

    /// <summary>
    /// Ten proposals from six authors: A (Telegram resident, then on paper with the same phone), B (a farm, in the web
    /// chat and by e-mail with the same address), C (an NGO in Messenger), two anonymous Google Form respondents (one
    /// late), and Іван Коваль (name only, on paper and at a reception).
    /// </summary>
    public async Task SeedKnownSetAsync(DateTimeOffset deadline)
    {
        await AddAsync(Channel.Telegram, resident: "A", groups: ["idp", "youth"], residence: "kamianka", settlement: "kamianka",
            topic: "roads", name: "Олена Петренко", phone: "+380671234567", outcome: DecisionOutcome.Accepted);
        await AddAsync(Channel.Telegram, resident: "A", groups: ["idp"], residence: "kamianka", settlement: "zabirria", topic: "lighting");
        await AddAsync(Channel.Paper, groups: ["elderly"], settlement: "kamianka", sphere: "social", topic: "health",
            name: "Олена Петренко", phone: "067 123 45 67");
        await AddAsync(Channel.WebChat, resident: "B", category: "business", businessKind: "agri", residence: "vyshneve", settlement: "vyshneve",
            sphere: "agro", topic: "farming", name: "ФГ Колос", email: "kolos@example.com", outcome: DecisionOutcome.Rejected);
        await AddAsync(Channel.Email, category: "business", businessKind: "agri", sphere: "agro", topic: "farming",
            name: "ФГ «Колос»", email: "KOLOS@example.com");
        await AddAsync(Channel.Messenger, resident: "C", category: "ngo", residence: "zelenyi-dil", unlisted: "Хутір Ясний",
            sphere: "economy", topic: "tourism");
        await AddAsync(Channel.GoogleForm, groups: ["none"], residence: "zelenyi-dil", settlement: "zelenyi-dil", sphere: "safety",
            topic: "shelters", receivedAt: deadline.AddDays(1));
        await AddAsync(Channel.GoogleForm, groups: ["none"], residence: "zelenyi-dil", settlement: "zelenyi-dil", sphere: "safety", topic: "shelters");
        await AddAsync(Channel.Paper, groups: ["veterans"], residence: "pidhirne", settlement: "pidhirne", topic: "roads", name: "Іван Коваль",
            outcome: DecisionOutcome.PartiallyAccepted);
        await AddAsync(Channel.Reception, groups: ["veterans"], residence: "pidhirne", settlement: "pidhirne", name: " іван  КОВАЛЬ ");
    }
}
