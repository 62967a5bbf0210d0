using Hromada.Core.Consultations;
using Hromada.Core.Proposals;
using Hromada.Core.Reports;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Reports;

public sealed class RepresentationServiceTests
{
    private static async Task<RepresentationReport> ReportAsync(CoreTestHost host, ReportPeriod? period = null)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var consultation = await db.Consultations.FirstAsync();
        return await scope.ServiceProvider.GetRequiredService<RepresentationService>().BuildAsync(consultation, period ?? new ReportPeriod(null, null));
    }

    private static async Task<Consultation> ConsultationAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Consultations.AsNoTracking().FirstAsync();
    }

    private static async Task<RepresentationReport> KnownSetAsync(CoreTestHost host)
    {
        await new ReportData(host).SeedKnownSetAsync((await ConsultationAsync(host)).Deadline);
        return await ReportAsync(host);
    }

    private static Tally T(int proposals, int authors) => new(proposals, authors);

    [DatabaseTheory, OnEachDatabase]
    public async Task KnownSet_Totals_CountPeopleOncePerResidentPhoneEmailOrName_AndAnonymousEachOnce(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var r = await KnownSetAsync(host);

        Assert.Equal(new ReportTotals(Proposals: 10, Authors: 6, Late: 1, Unidentified: 6, Decided: 3, OffTopic: 0, Duplicates: 0), r.Totals);
        Assert.Equal(new ProtocolFigures(
            Individuals: T(7, 4), LegalEntities: T(3, 2), Businesses: T(2, 1),
            SocialNetworks: T(3, 2), WebForm: T(3, 3), OtherChannels: T(4, 3)), r.Protocol);
        Assert.Equal(AuthorIdentity.Description, r.AuthorCounting);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task KnownSet_ByChannelCategoryGroupAndBusinessKind_ListsEveryEntryEvenAtZero(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var r = await KnownSetAsync(host);

        Assert.Equal(
            ["Telegram:2/1", "Messenger:1/1", "WebChat:1/1", "Paper:2/2", "Email:1/1", "GoogleForm:2/2", "Reception:1/1", "Cnap:0/0", "Viber:0/0"],
            r.ByChannel.Select(c => $"{c.Code}:{c.Proposals}/{c.Authors}"));
        Assert.Equal("Вебчат на сайті", r.ByChannel.Single(c => c.Code == "WebChat").Label);
        Assert.Equal(["person:7/4", "business:2/1", "ngo:1/1", "osn:0/0", "institution:0/0"],
            r.ByAuthorCategory.Select(c => $"{c.Code}:{c.Proposals}/{c.Authors}"));
        Assert.Equal(["youth:1/1", "elderly:1/1", "idp:2/1", "veterans:2/1", "disability:0/0", "parents:0/0", "none:2/2"],
            r.BySocialGroup.Select(c => $"{c.Code}:{c.Proposals}/{c.Authors}"));
        Assert.Equal(["agri:2/1", "trade:0/0", "manufacturing:0/0", "services:0/0", "construction:0/0", "transport:0/0", "other:0/0"],
            r.ByBusinessKind.Select(c => $"{c.Code}:{c.Proposals}/{c.Authors}"));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task KnownSet_BySettlementAndDistrict_ByResidenceAndByTheSettlementConcerned_WithZeros(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var r = await KnownSetAsync(host);

        Assert.Equal(17, r.BySettlement.Count);
        var s = r.BySettlement.ToDictionary(x => x.Code);
        Assert.Equal((T(2, 1), T(2, 1)), (s["kamianka"].ByResidence, s["kamianka"].Concerned));
        Assert.Equal((T(0, 0), T(1, 1)), (s["zabirria"].ByResidence, s["zabirria"].Concerned));
        Assert.Equal((T(1, 1), T(1, 1)), (s["vyshneve"].ByResidence, s["vyshneve"].Concerned));
        Assert.Equal((T(3, 3), T(2, 2)), (s["zelenyi-dil"].ByResidence, s["zelenyi-dil"].Concerned));
        Assert.Equal((T(2, 1), T(2, 1)), (s["pidhirne"].ByResidence, s["pidhirne"].Concerned));
        Assert.Equal((T(0, 0), T(0, 0)), (s["dubove"].ByResidence, s["dubove"].Concerned));
        Assert.Equal("с. Камʼянка", s["kamianka"].Label);
        Assert.Equal("kamianka", s["zabirria"].District);
        Assert.Equal(T(2, 2), r.ResidenceUnknown);
        Assert.Equal(T(1, 1), r.ConcernsWholeHromada);
        Assert.Equal(T(1, 1), r.ConcernsUnlistedSettlement);

        Assert.Equal(
            ["zelenodil:3/3|2/2", "vyshneve:1/1|1/1", "kamianka:2/1|3/1", "pidhirne:2/1|2/1", "novoselytsia:0/0|0/0"],
            r.ByDistrict.Select(d => $"{d.Code}:{d.ByResidence.Proposals}/{d.ByResidence.Authors}|{d.Concerned.Proposals}/{d.Concerned.Authors}"));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task KnownSet_BySphere_TopTopicsAndOutcomes(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var r = await KnownSetAsync(host);

        Assert.Equal(["agro:2/1", "economy:1/1", "social:1/1", "infrastructure:4/2", "safety:2/2", "other:0/0"],
            r.BySphere.Select(x => $"{x.Code}:{x.Proposals}/{x.Authors}"));
        var roads = r.BySphere.Single(x => x.Code == "infrastructure");
        Assert.Equal(["roads:2", "lighting:1"], roads.TopTopics.Select(t => $"{t.Code}:{t.Proposals}"));
        Assert.Equal(1, roads.WithoutTopic);
        Assert.Equal(new OutcomeTally(Accepted: 1, PartiallyAccepted: 1, Rejected: 0, Undecided: 2), roads.Outcomes);
        Assert.Equal(new OutcomeTally(0, 0, 1, 1), r.BySphere.Single(x => x.Code == "agro").Outcomes);
        Assert.Equal(new OutcomeTally(1, 1, 1, 7), r.Outcomes);
        Assert.Empty(r.BySphere.Single(x => x.Code == "other").TopTopics);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task KnownSet_StatisticsParagraph_InTheProtocolsForm(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var r = await KnownSetAsync(host);

        Assert.Equal(
            "Станом на 02.11.2026 надійшло 10 пропозицій від 6 авторів, з них: від фізичних осіб — 7 пропозицій, від юридичних осіб — 3 пропозиції; " +
            "через соціальні мережі — 3 пропозиції, через веб-форму — 3 пропозиції, " +
            "в інший спосіб (письмово, електронною поштою, на особистому прийомі, у ЦНАП) — 4 пропозиції. " +
            "Після завершення строку — 1 пропозиція, без імені чи контакту автора (неідентифіковані) — 6 пропозицій. " +
            "За місцем проживання авторів: с-ще Зелений Діл — 3 особи, с. Вишневе — 1 особа, с. Камʼянка — 1 особа, с. Підгірне — 1 особа, " +
            "місце проживання не зазначено — 2 особи. " +
            "Від жителів 13 населених пунктів пропозицій не надійшло: с. Хутірське, с. Лугове, с. Черешеньки, с. Садове, с. Забірʼя, с. Пʼятихатки, " +
            "с. Березівка, с. Ставки, с. Озерне, с. Новоселиця, с. Соловʼї, с. Дубове, с-ще Березівка. " +
            "Від субʼєктів господарювання — 2 пропозиції від 1 автора (чи є серед них основні платники податків, система не обліковує).",
            r.Statistics);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task KnownSet_Gaps_NameTheSilentSettlementsDistrictsGroupsCategoriesAndKinds(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var r = await KnownSetAsync(host);

        Assert.Equal(
        [
            "Від жителів 13 населених пунктів пропозицій не надійшло: с. Хутірське, с. Лугове, с. Черешеньки, с. Садове, с. Забірʼя, " +
            "с. Пʼятихатки, с. Березівка, с. Ставки, с. Озерне, с. Новоселиця, с. Соловʼї, с. Дубове, с-ще Березівка.",
            "Від жителів 1 старостинського округу пропозицій не надійшло: Новоселицький старостинський округ.",
            "Місце проживання автора не зазначено в 2 пропозиціях.",
            "Жодна пропозиція не стосується 12 населених пунктів: с. Хутірське, с. Лугове, с. Черешеньки, с. Садове, с. Пʼятихатки, " +
            "с. Березівка, с. Ставки, с. Озерне, с. Новоселиця, с. Соловʼї, с. Дубове, с-ще Березівка.",
            "Не надійшло пропозицій від 2 категорій авторів: «Орган самоорганізації населення», «Установа, заклад, підприємство громади».",
            "Не надійшло пропозицій від представників 2 соціальних груп: «Люди з інвалідністю», «Батьки з дітьми».",
            "Від субʼєктів господарювання 5 видів діяльності пропозицій не надійшло: «Торгівля», «Виробництво», «Послуги», «Будівництво», «Транспорт і логістика».",
        ], r.Gaps);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task NoProposals_FullReportOfZeros_AndTheGapsSaySo(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var r = await ReportAsync(host);

        Assert.Equal(new ReportTotals(0, 0, 0, 0, 0, 0, 0), r.Totals);
        Assert.Equal(17, r.BySettlement.Count);
        Assert.All(r.BySettlement, s => Assert.Equal((T(0, 0), T(0, 0)), (s.ByResidence, s.Concerned)));
        Assert.Equal(5, r.ByDistrict.Count);
        Assert.Equal(6, r.BySphere.Count);
        Assert.Equal(7, r.BySocialGroup.Count);
        Assert.Equal(9, r.ByChannel.Count);
        Assert.Equal(
            ["Жодної пропозиції не надійшло: не представлено жодного населеного пункту, старостинського округу, категорії авторів, соціальної групи чи сфери."],
            r.Gaps);
        Assert.StartsWith("Станом на 02.11.2026 не надійшло жодної пропозиції, з них: від фізичних осіб — 0 пропозицій", r.Statistics, StringComparison.Ordinal);
        Assert.EndsWith("Від субʼєктів господарювання пропозицій не надійшло.", r.Statistics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "надійшла 1 пропозиція від 1 автора")]
    [InlineData(2, "надійшли 2 пропозиції від 2 авторів")]
    [InlineData(5, "надійшло 5 пропозицій від 5 авторів")]
    [InlineData(21, "надійшла 21 пропозиція від 21 автора")]
    public async Task Statistics_AgreeWithTheNumber(int count, string expected)
    {
        await using var host = await CoreTestHost.StartAsync();
        var data = new ReportData(host);
        for (var i = 0; i < count; i++)
        {
            await data.AddAsync(Channel.GoogleForm, residence: "kamianka", settlement: "kamianka");
        }

        var r = await ReportAsync(host);

        Assert.StartsWith($"Станом на 02.11.2026 {expected}, з них: від фізичних осіб — {UkrainianCounts.Count(count, UkrainianCounts.ProposalWords)}",
            r.Statistics, StringComparison.Ordinal);
        Assert.Contains($"с. Камʼянка — {UkrainianCounts.Count(count, UkrainianCounts.Persons)}", r.Statistics, StringComparison.Ordinal);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Period_CountsOnlyProposalsReceivedInIt(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var data = new ReportData(host);
        await data.AddAsync(receivedAt: host.Time.GetUtcNow().AddDays(-1), settlement: "kamianka", name: "Перший", phone: "0501111111");
        await data.AddAsync(receivedAt: host.Time.GetUtcNow().AddDays(3), settlement: "kamianka", name: "Другий", phone: "0502222222");

        var r = await ReportAsync(host, new ReportPeriod(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 9)));

        Assert.Equal(1, r.Totals.Proposals);
        Assert.StartsWith("За період з 02.11.2026 по 09.11.2026 надійшла 1 пропозиція від 1 автора", r.Statistics, StringComparison.Ordinal);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task RetiredSettlementWithoutProposals_IsNotListed_ButOneWithProposalsIs(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        await new ReportData(host).AddAsync(residence: "dubove", settlement: "dubove");
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            await db.Settlements.Where(s => s.Code == "dubove" || s.Code == "solovii").ExecuteUpdateAsync(u => u.SetProperty(s => s.IsRetired, true));
        }

        var r = await ReportAsync(host);

        Assert.Contains(r.BySettlement, s => s.Code == "dubove");
        Assert.DoesNotContain(r.BySettlement, s => s.Code == "solovii");
    }

    [Theory]
    [InlineData(0, "0 пропозицій")]
    [InlineData(1, "1 пропозиція")]
    [InlineData(2, "2 пропозиції")]
    [InlineData(4, "4 пропозиції")]
    [InlineData(5, "5 пропозицій")]
    [InlineData(11, "11 пропозицій")]
    [InlineData(12, "12 пропозицій")]
    [InlineData(21, "21 пропозиція")]
    [InlineData(22, "22 пропозиції")]
    [InlineData(111, "111 пропозицій")]
    [InlineData(1001, "1\u00a0001 пропозиція")]
    public void Count_ChoosesTheUkrainianForm(int n, string expected) =>
        Assert.Equal(expected, UkrainianCounts.Count(n, UkrainianCounts.ProposalWords));

    [Fact]
    public void AuthorIdentity_LinksAcrossKeys_AndKeepsAnonymousApart()
    {
        var ids = new AuthorIdentity();
        var a = ids.Add(7, null, null, null);             // chat resident 7
        var b = ids.Add(null, "+38 (067) 123-45-67", null, "Олена");
        var c = ids.Add(7, "0671234567", null, null);     // the resident gave the same phone later: links a and b
        var d = ids.Add(null, null, null, null);          // anonymous
        var e = ids.Add(null, null, null, null);          // anonymous
        var f = ids.Add(null, null, "Kolos@Example.com ", null);
        var g = ids.Add(null, null, "kolos@example.com", "Інше імʼя");
        var h = ids.Add(null, null, null, "Іван  Коваль");
        var i = ids.Add(null, null, null, "іван коваль");

        Assert.Equal(ids.AuthorOf(a), ids.AuthorOf(b));
        Assert.Equal(ids.AuthorOf(a), ids.AuthorOf(c));
        Assert.NotEqual(ids.AuthorOf(d), ids.AuthorOf(e));
        Assert.Equal(ids.AuthorOf(f), ids.AuthorOf(g));
        Assert.Equal(ids.AuthorOf(h), ids.AuthorOf(i));
        Assert.Equal(5, new[] { a, b, c, d, e, f, g, h, i }.Select(ids.AuthorOf).Distinct().Count());
    }

    [Theory]
    [InlineData("Марʼяна Соловйова", "Мар'яна  соловйова")]
    [InlineData("Марʼяна Соловйова", "маряна соловйова")]
    [InlineData("Дарʼя Пʼятак", "Дар’я П`ятак")]
    public void AuthorIdentity_NamesWithAndWithoutTheApostrophe_AreOneAuthor(string first, string second)
    {
        var ids = new AuthorIdentity();
        var a = ids.Add(null, null, null, first);
        var b = ids.Add(null, null, null, second);

        Assert.Equal(ids.AuthorOf(a), ids.AuthorOf(b));
    }

    [Fact]
    public void AuthorIdentity_EmailTypedWithAUkrainianApostrophe_IsTheSameAddress()
    {
        var ids = new AuthorIdentity();
        var a = ids.Add(null, null, "o'neill@example.com", null);
        var b = ids.Add(null, null, "O’Neill@example.com", null);
        var c = ids.Add(null, null, "oneill@example.com", null);

        Assert.Equal(ids.AuthorOf(a), ids.AuthorOf(b));
        Assert.NotEqual(ids.AuthorOf(a), ids.AuthorOf(c));
    }
}
