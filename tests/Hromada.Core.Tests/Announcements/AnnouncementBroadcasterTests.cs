using Hromada.Core.Announcements;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Hromada.Core.Tests.Announcements.AnnouncementTestData;

namespace Hromada.Core.Tests.Announcements;

public sealed class AnnouncementBroadcasterTests
{
    [DatabaseTheory, OnEachDatabase]
    public async Task Broadcast_ToEveryTarget_GivesEachRecipientOneDeliveryRow(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database, overrides: AllChannels());
        var now = host.Time.GetUtcNow();
        var telegram = await AddResidentsAsync(host, Channel.Telegram, 3);
        await AddResidentsAsync(host, Channel.Telegram, 1, blocked: true);
        await AddResidentsAsync(host, Channel.Telegram, 1, subscribed: false);
        var messengerInside = await AddResidentsAsync(host, Channel.Messenger, 1, lastInboundAt: now.AddHours(-2));
        var messengerOutside = await AddResidentsAsync(host, Channel.Messenger, 1, lastInboundAt: now.AddDays(-3));
        var web = await AddResidentsAsync(host, Channel.WebChat, 1);
        var viber = await AddResidentsAsync(host, Channel.Viber, 1);
        await AddResidentsAsync(host, Channel.Viber, 1, blocked: true);
        var a = await ScheduleAsync(host, "Засідання робочої групи — у четвер о 15:00.", AnnouncementTargets.ForAnnouncements.ToArray());
        host.Time.Advance(TimeSpan.FromHours(1));

        var result = await BroadcastAsync(host, a.Id);

        Assert.Equal(BroadcastOutcome.Completed, result.Outcome);
        var rows = await RowsAsync(host, a.Id);
        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.Equal(OutboxPurpose.Announcement, r.Purpose));
        var channelPost = Assert.Single(rows, r => r.Channel == Channel.Telegram && r.IsPublicPost);
        Assert.Equal(TelegramChannel, channelPost.Recipient);
        var pagePost = Assert.Single(rows, r => r.Channel == Channel.Messenger && r.IsPublicPost);
        Assert.Equal(PageId, pagePost.Recipient);
        var instagramPost = Assert.Single(rows, r => r.Channel == Channel.Instagram);
        Assert.True(instagramPost.IsPublicPost);
        Assert.Equal(InstagramUserId, instagramPost.Recipient);
        Assert.Equal(telegram.Order(), rows.Where(r => r.Channel == Channel.Telegram && !r.IsPublicPost).Select(r => r.ResidentId!.Value).Order());
        Assert.All(rows.Where(r => r.Channel == Channel.Telegram), r => Assert.Equal(OutboxStatus.Pending, r.Status));
        Assert.Equal(OutboxStatus.Pending, rows.Single(r => r.ResidentId == messengerInside[0]).Status);
        var outside = rows.Single(r => r.ResidentId == messengerOutside[0]);
        Assert.Equal(OutboxStatus.Held, outside.Status);
        Assert.Contains("24-hour window", outside.LastError, StringComparison.Ordinal);
        var webRow = rows.Single(r => r.ResidentId == web[0]);
        Assert.Equal(OutboxStatus.Held, webRow.Status);
        Assert.Contains("next visit", webRow.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Pending, Assert.Single(rows, r => r.Channel == Channel.Viber).Status);
        Assert.Equal(viber[0], rows.Single(r => r.Channel == Channel.Viber).ResidentId);
        Assert.All(rows, r => Assert.Equal("Засідання робочої групи — у четвер о 15:00.", OutboxPayload.Read(r.Payload).Single().Text));
        var stored = await DbAsync(host, db => db.Announcements.SingleAsync(x => x.Id == a.Id));
        Assert.Equal(AnnouncementStatus.Sent, stored.Status);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Broadcast_StoppedHalfWay_ResumesAfterTheLastBatch_NobodySkippedNobodyTwice(DatabaseProvider database)
    {
        var crash = new CrashOnSave();
        await using var host = await CoreTestHost.StartAsync(
            AllChannels(new Dictionary<string, string?> { ["Hromada:Announcements:BatchSize"] = "10" }),
            services => services.ConfigureDbContext<HromadaDbContext>(o => o.AddInterceptors(crash)),
            database: database);
        var residents = await AddResidentsAsync(host, Channel.Telegram, 95);
        var a = await ScheduleAsync(host, "Громадське обговорення проєкту програми.", AnnouncementTarget.TelegramSubscribers);
        host.Time.Advance(TimeSpan.FromHours(1));

        // Save 1 starts the broadcast, saves 2–4 commit three batches; the service dies during the fourth batch.
        crash.FailAtSave = 5;
        await Assert.ThrowsAsync<InvalidOperationException>(() => BroadcastAsync(host, a.Id));
        var beforeRestart = await RowsAsync(host, a.Id);
        await using (var scope = host.Scope())
        {
            var service = scope.ServiceProvider.GetRequiredService<AnnouncementService>();
            var edit = await service.EditAsync(a.Id, new AnnouncementInput(null, "Інший текст", ["TelegramSubscribers"], host.Time.GetUtcNow().AddHours(1), null), "comms");
            var cancel = await service.CancelAsync(a.Id, "comms");
            Assert.Equal("The announcement is being sent; it can no longer be changed or cancelled.", edit.Conflict);
            Assert.NotNull(cancel.Conflict);
        }
        crash.FailAtSave = null;
        await host.RestartAsync();
        var result = await BroadcastAsync(host, a.Id);

        Assert.Equal(30, beforeRestart.Count);
        Assert.Equal(BroadcastOutcome.Completed, result.Outcome);
        Assert.Equal(65, result.Enqueued);
        var rows = await RowsAsync(host, a.Id);
        Assert.Equal(residents.Order(), rows.Select(r => r.ResidentId!.Value).Order());
        var target = await DbAsync(host, db => db.AnnouncementTargets.SingleAsync(t => t.AnnouncementId == a.Id));
        Assert.Equal(95, target.Enqueued);
        Assert.NotNull(target.EnqueuedAt);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Broadcast_RunTwiceAtOnce_GivesEachRecipientOneRow(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database, overrides: AllChannels(new Dictionary<string, string?> { ["Hromada:Announcements:BatchSize"] = "7" }));
        var residents = await AddResidentsAsync(host, Channel.Telegram, 60);
        var a = await ScheduleAsync(host, "Оголошення для всіх підписників.", AnnouncementTarget.TelegramSubscribers);
        host.Time.Advance(TimeSpan.FromHours(1));

        async Task RunUntilSettledAsync()
        {
            while ((await BroadcastAsync(host, a.Id)).Outcome == BroadcastOutcome.Raced)
            {
            }
        }
        await Task.WhenAll(RunUntilSettledAsync(), RunUntilSettledAsync());

        var rows = await RowsAsync(host, a.Id);
        Assert.Equal(residents.Order(), rows.Select(r => r.ResidentId!.Value).Order());
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Broadcast_BeforeItsTime_WritesNothing_AndSaysWhenItIsDue(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database, overrides: AllChannels());
        await AddResidentsAsync(host, Channel.Telegram, 2);
        var a = await ScheduleAsync(host, "Ще не час.", AnnouncementTarget.TelegramSubscribers);

        var result = await BroadcastAsync(host, a.Id);

        Assert.Equal(BroadcastOutcome.NotDue, result.Outcome);
        Assert.Equal(a.SendAt, result.DueAt);
        Assert.Empty(await RowsAsync(host, a.Id));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Broadcast_OfACancelledAnnouncement_WritesNothing(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database, overrides: AllChannels());
        await AddResidentsAsync(host, Channel.Telegram, 2);
        var a = await ScheduleAsync(host, "Скасоване оголошення.", AnnouncementTarget.TelegramSubscribers);
        await using (var scope = host.Scope())
        {
            Assert.Null((await scope.ServiceProvider.GetRequiredService<AnnouncementService>().CancelAsync(a.Id, "comms")).Conflict);
        }
        host.Time.Advance(TimeSpan.FromHours(2));

        var result = await BroadcastAsync(host, a.Id);

        Assert.Equal(BroadcastOutcome.NothingToDo, result.Outcome);
        Assert.Empty(await RowsAsync(host, a.Id));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Broadcast_ToATargetWhoseChannelWasSwitchedOff_SkipsItWithTheReason(DatabaseProvider database)
    {
        await using var host = await CoreTestHost.StartAsync(database: database, overrides: AllChannels());
        var a = await ScheduleAsync(host, "Пост у каналі.", AnnouncementTarget.TelegramChannel, AnnouncementTarget.Feed);
        host.Configuration["Hromada:Telegram:Token"] = "";
        host.Time.Advance(TimeSpan.FromHours(1));

        await BroadcastAsync(host, a.Id);

        Assert.Empty(await RowsAsync(host, a.Id));
        var targets = await DbAsync(host, db => db.AnnouncementTargets.Where(t => t.AnnouncementId == a.Id).ToListAsync());
        var telegram = targets.Single(t => t.Target == AnnouncementTarget.TelegramChannel);
        // The reason is the channel's own (the stand-in's here; the Telegram channel's words: DeliveryReportTests).
        Assert.Equal("TelegramChannel is off in this test.", telegram.SkippedReason);
        Assert.Equal("TelegramChannel вимкнено в цьому тесті.", telegram.SkippedReasonUkrainian);
        Assert.Null(targets.Single(t => t.Target == AnnouncementTarget.Feed).SkippedReason);
        Assert.Null(targets.Single(t => t.Target == AnnouncementTarget.Feed).SkippedReasonUkrainian);
    }

    /// <summary>Throws before the given SaveChanges, as if the process died before that transaction committed.</summary>
    private sealed class CrashOnSave : SaveChangesInterceptor
    {
        private int _saves;

        public int? FailAtSave { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (FailAtSave is { } n && Interlocked.Increment(ref _saves) == n)
            {
                throw new InvalidOperationException("The service stopped.");
            }
            return ValueTask.FromResult(result);
        }
    }
}
