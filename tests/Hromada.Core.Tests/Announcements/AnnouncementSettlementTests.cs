using Hromada.Core.Announcements;
using Hromada.Core.Proposals;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Hromada.Core.Tests.Announcements.AnnouncementTestData;

namespace Hromada.Core.Tests.Announcements;

/// <summary>An announcement limited to one settlement's subscribers (a letter to them): the subscriber targets leave everyone else out.</summary>
public sealed class AnnouncementSettlementTests
{
    [Fact]
    public async Task Broadcast_ForOneSettlement_ReachesOnlyTheSubscribersWhoLiveThere_InEachChat()
    {
        await using var host = await CoreTestHost.StartAsync(AllChannels(new Dictionary<string, string?> { ["Hromada:Announcements:BatchSize"] = "2" }));
        var settlements = await DbAsync(host, db => db.Settlements.OrderBy(s => s.Id).Select(s => s.Id).Take(2).ToListAsync());
        var (here, elsewhere) = (settlements[0], settlements[1]);
        var telegramHere = await AddResidentsAsync(host, Channel.Telegram, 3);
        var viberHere = await AddResidentsAsync(host, Channel.Viber, 1);
        var unsubscribedHere = await AddResidentsAsync(host, Channel.Telegram, 1, subscribed: false);
        var telegramElsewhere = await AddResidentsAsync(host, Channel.Telegram, 2);
        await AddResidentsAsync(host, Channel.Viber, 1); // said nothing about where they live
        await DbAsync(host, async db =>
        {
            var ids = telegramHere.Concat(viberHere).Concat(unsubscribedHere).ToList();
            await db.Residents.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(u => u.SetProperty(r => r.ResidenceSettlementId, here));
            return await db.Residents.Where(r => telegramElsewhere.Contains(r.Id)).ExecuteUpdateAsync(u => u.SetProperty(r => r.ResidenceSettlementId, elsewhere));
        });
        var a = await ScheduleAsync(host, "Сход мешканців у четвер о 18:00.", AnnouncementTarget.TelegramSubscribers, AnnouncementTarget.ViberSubscribers);
        await DbAsync(host, async db =>
        {
            (await db.Announcements.SingleAsync(x => x.Id == a.Id)).SettlementId = here;
            return await db.SaveChangesAsync();
        });
        host.Time.Advance(TimeSpan.FromHours(1));

        var result = await BroadcastAsync(host, a.Id);

        Assert.Equal(BroadcastOutcome.Completed, result.Outcome);
        var rows = await RowsAsync(host, a.Id);
        Assert.Equal(telegramHere.Concat(viberHere).Order(), rows.Select(r => r.ResidentId!.Value).Order());
        var targets = await DbAsync(host, db => db.AnnouncementTargets.Where(t => t.AnnouncementId == a.Id).OrderBy(t => t.Target).ToListAsync());
        Assert.Equal([3, 1], targets.Select(t => t.Enqueued));
    }
}
