using System.Collections.Concurrent;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Proposals;

public sealed class ProposalServiceTests
{
    private static async Task<NewProposal> DraftAsync(CoreTestHost host, string? name = "Олена Петренко", string? phone = "+380671234567")
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        return new NewProposal
        {
            ConsultationId = (await db.Consultations.FirstAsync()).Id,
            Channel = Channel.WebChat,
            ReceivedAt = host.Time.GetUtcNow(),
            AuthorCategoryId = (await db.AuthorCategories.FirstAsync(c => c.Code == "person")).Id,
            SphereId = (await db.Spheres.FirstAsync(s => s.Code == "infrastructure")).Id,
            SettlementId = (await db.Settlements.FirstAsync(s => s.Code == "kamianka")).Id,
            Text = "Відновити освітлення на вулиці Шкільній у Камʼянці",
            AuthorName = name,
            AuthorPhone = phone,
            Actor = "resident:WebChat",
        };
    }

    private static async Task<Proposal> SubmitAsync(CoreTestHost host, NewProposal draft)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<ProposalService>().SubmitAsync(draft);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Submit_GivesYearlyReferenceNumbers_InOrder(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        var draft = await DraftAsync(host);

        var first = await SubmitAsync(host, draft);
        var second = await SubmitAsync(host, draft);

        Assert.Equal("P-2026-00001", first.Reference);
        Assert.Equal("P-2026-00002", second.Reference);
    }

    [Fact]
    public async Task AProposalNobodyChoseALanguageFor_IsInTheHromadasLanguage_AndAResidentsKeepsTheirs()
    {
        await using var host = await CoreTestHost.StartAsync(new Dictionary<string, string?> { ["Hromada:Community:DefaultCulture"] = "en-US" });
        var draft = await DraftAsync(host);

        var entered = await SubmitAsync(host, draft);
        var residents = await SubmitAsync(host, draft with { Language = "uk-UA" });
        await using var scope = host.Scope();
        var batch = await scope.ServiceProvider.GetRequiredService<ProposalService>().SubmitManyAsync([draft]);
        var imported = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.SingleAsync(p => p.Reference == batch[0]);

        Assert.Equal("en-US", entered.Language);
        Assert.Equal("uk-UA", residents.Language);
        Assert.Equal("en-US", imported.Language);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Submit_UsesTheKyivYear_ForAProposalReceivedOnNewYearsNight(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        // 22:30 UTC on 31 December is already 00:30 on 1 January in Kyiv.
        var draft = await DraftAsync(host) with { ReceivedAt = new DateTimeOffset(2026, 12, 31, 22, 30, 0, TimeSpan.Zero) };

        var proposal = await SubmitAsync(host, draft);

        Assert.Equal("P-2027-00001", proposal.Reference);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Submit_AfterDeadline_FlagsLate(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        var draft = await DraftAsync(host) with { ReceivedAt = host.Time.GetUtcNow().AddDays(31) };

        var proposal = await SubmitAsync(host, draft);

        Assert.True(proposal.IsLate);
        Assert.Equal(ProposalStatus.Received, proposal.Status);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Submit_BeforeDeadline_IsNotLate(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);

        var proposal = await SubmitAsync(host, await DraftAsync(host));

        Assert.False(proposal.IsLate);
    }

    [Theory]
    [InlineData(null, "+380671234567", true)]
    [InlineData("Олена", null, true)]
    [InlineData("Олена", "+380671234567", false)]
    public async Task Submit_WithoutNameOrContact_FlagsUnidentified(string? name, string? phone, bool unidentified)
    {
        await using var host = await CoreTestHost.StartAsync();

        var proposal = await SubmitAsync(host, await DraftAsync(host, name, phone));

        Assert.Equal(unidentified, proposal.IsUnidentified);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Submit_WritesAnAuditEntry(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);

        var proposal = await SubmitAsync(host, await DraftAsync(host));

        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityKey == proposal.Reference);
        Assert.Equal("Received", entry.Action);
        Assert.Equal("resident:WebChat", entry.Actor);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Submit_EightParallelWritersTimesTwoHundred_GiveSixteenHundredDistinctReferences(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database);
        var draft = await DraftAsync(host);
        var references = new ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                var proposal = await SubmitAsync(host, draft with { Text = $"Пропозиція {writer}-{i}: облаштувати укриття" });
                references.Add(proposal.Reference);
            }
        })));

        Assert.Equal(1600, references.Count);
        Assert.Equal(1600, references.Distinct().Count());
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        Assert.Equal(1600, await db.Proposals.CountAsync());
        Assert.Equal(1600, (await db.Proposals.Select(p => p.Reference).ToListAsync()).Distinct().Count());
        Assert.Equal("P-2026-01600", await db.Proposals.MaxAsync(p => p.Reference));
    }
}
