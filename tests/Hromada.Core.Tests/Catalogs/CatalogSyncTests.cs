using Hromada.Core.Catalogs;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Catalogs;

public sealed class CatalogSyncTests
{
    [DatabaseTheory, OnEachDatabase]
    public async Task FirstStart_SyncsTheShippedCatalog(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();

        Assert.Equal(17, await db.Settlements.CountAsync());
        var kamianka = await db.Settlements.Include(s => s.District).SingleAsync(s => s.Code == "kamianka");
        Assert.Equal("Камʼянка", kamianka.Label);
        Assert.Equal("kamianka", kamianka.District!.Code);
        Assert.Equal(5, await db.Topics.CountAsync(t => t.Sphere!.Code == "agro"));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Resync_RenamesChangedLabels_RetiresRemovedEntries_AndKeepsOldProposalsPointing(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        string reference;
        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var ozerne = await db.Settlements.SingleAsync(s => s.Code == "ozerne");
            var proposal = await scope.ServiceProvider.GetRequiredService<ProposalService>().SubmitAsync(new NewProposal
            {
                ConsultationId = (await db.Consultations.FirstAsync()).Id,
                Channel = Channel.Paper,
                ReceivedAt = host.Time.GetUtcNow(),
                AuthorCategoryId = (await db.AuthorCategories.FirstAsync()).Id,
                SphereId = (await db.Spheres.FirstAsync(s => s.Code == "other")).Id,
                SettlementId = ozerne.Id,
                Text = "Облаштувати зупинку громадського транспорту в Озерному",
                Actor = "test",
            });
            reference = proposal.Reference;
        }

        var renamed = new Dictionary<string, string?>
        {
            // Settlements:12 is Озерне in the shipped catalog; replace it with a renamed Ставки entry and drop Озерне.
            ["Hromada:Catalog:Settlements:11:Label"] = "Ставки-Нові",
            ["Hromada:Catalog:Settlements:12:Code"] = "stavky-2",
            ["Hromada:Catalog:Settlements:12:Label"] = "Ставки Другі",
            ["Hromada:Catalog:Spheres:5:Label"] = "Інші питання",
        };
        await using (var scope = host.Scope())
        {
            var configuration = CoreTestHost.BuildConfiguration(Path.GetDirectoryName(host.DatabasePath)!, renamed);
            var catalog = new CatalogOptions();
            Microsoft.Extensions.Configuration.ConfigurationBinder.Bind(configuration.GetSection(CatalogOptions.Section), catalog);
            var sync = new CatalogSync(
                scope.ServiceProvider.GetRequiredService<HromadaDbContext>(),
                Microsoft.Extensions.Options.Options.Create(catalog),
                Microsoft.Extensions.Logging.Abstractions.NullLogger<CatalogSync>.Instance);
            await sync.SyncAsync();
        }

        await using (var scope = host.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            Assert.Equal("Ставки-Нові", (await db.Settlements.SingleAsync(s => s.Code == "stavky")).Label);
            Assert.Equal("Інші питання", (await db.Spheres.SingleAsync(s => s.Code == "other")).Label);
            var ozerne = await db.Settlements.SingleAsync(s => s.Code == "ozerne");
            Assert.True(ozerne.IsRetired);
            Assert.False((await db.Settlements.SingleAsync(s => s.Code == "stavky-2")).IsRetired);
            Assert.Equal(18, await db.Settlements.CountAsync());

            var proposal = await db.Proposals.Include(p => p.Settlement).SingleAsync(p => p.Reference == reference);
            Assert.Equal("ozerne", proposal.Settlement!.Code);
        }
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Resync_EntryConfiguredAgain_IsNoLongerRetired(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var youth = await db.SocialGroups.SingleAsync(g => g.Code == "youth");
        youth.IsRetired = true;
        youth.Label = "Стара назва";
        await db.SaveChangesAsync();

        await scope.ServiceProvider.GetRequiredService<CatalogSync>().SyncAsync();

        db.ChangeTracker.Clear();
        var synced = await db.SocialGroups.SingleAsync(g => g.Code == "youth");
        Assert.False(synced.IsRetired);
        Assert.Equal("Молодь (14–35 років)", synced.Label);
    }
}
