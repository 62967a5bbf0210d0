using Hromada.Core.Announcements;
using Hromada.Core.Consultations;
using Hromada.Core.Proposals;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hromada.Core.Tests.Announcements.AnnouncementTestData;

namespace Hromada.Core.Tests.Announcements;

/// <summary>
/// The seeded consultation opens at the test clock's start, Monday 2 November 2026 09:00 UTC (11:00 in Kyiv), and
/// closes 30 days later, Wednesday 2 December 2026 09:00 UTC.
/// </summary>
public sealed class ConsultationNoticesTests
{
    private static readonly DateTimeOffset Deadline = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static async Task PlanAsync(CoreTestHost host)
    {
        await using var scope = host.Scope();
        await scope.ServiceProvider.GetRequiredService<ConsultationNotices>().PlanAllAsync();
    }

    private static Task<List<Announcement>> NoticesAsync(CoreTestHost host) =>
        DbAsync(host, db => db.Announcements.AsNoTracking().Include(a => a.Targets)
            .Where(a => a.Kind != AnnouncementKind.Manual).OrderBy(a => a.Id).ToListAsync());

    private static async Task ExtendAsync(CoreTestHost host, DateTimeOffset newDeadline, string reason)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Hromada.Core.Storage.HromadaDbContext>();
        var c = await db.Consultations.Include(x => x.Extensions).SingleAsync();
        c.Extensions.Add(new ConsultationExtension
        {
            PreviousDeadline = c.Deadline, NewDeadline = newDeadline, Reason = reason, ProtocolNumber = "7",
            ProtocolDate = new DateOnly(2026, 11, 20), CreatedAt = host.Time.GetUtcNow(), CreatedBy = "secretary",
        });
        c.Deadline = newDeadline;
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task NewConsultation_SchedulesOpenedReminderAndClosed()
    {
        await using var host = await CoreTestHost.StartAsync();

        await PlanAsync(host);

        var notices = await NoticesAsync(host);
        Assert.Equal([AnnouncementKind.ConsultationOpened, AnnouncementKind.DeadlineReminder, AnnouncementKind.ConsultationClosed],
            notices.Select(n => n.Kind));
        Assert.Equal(host.Time.GetUtcNow(), notices[0].SendAt);
        // Three working days before Wednesday 2 December is Friday 27 November, at 10:00 in Kyiv (UTC+2).
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(2)), notices[1].SendAt);
        Assert.Equal(Deadline, notices[2].SendAt);
        Assert.All(notices, n => Assert.Equal(AnnouncementStatus.Scheduled, n.Status));
        Assert.Equal([AnnouncementTarget.TelegramSubscribers, AnnouncementTarget.MessengerSubscribers, AnnouncementTarget.WebChatSubscribers,
                AnnouncementTarget.ViberSubscribers],
            notices[1].Targets.Select(t => t.Target).Order());
        Assert.Contains("{deadline}", notices[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Planning_Again_ChangesNothing()
    {
        await using var host = await CoreTestHost.StartAsync();
        await PlanAsync(host);
        var first = await NoticesAsync(host);

        await PlanAsync(host);

        var second = await NoticesAsync(host);
        Assert.Equal(first.Select(n => (n.Id, n.SendAt, n.Version)), second.Select(n => (n.Id, n.SendAt, n.Version)));
    }

    [Fact]
    public async Task Extension_SchedulesItsNoticeAtOnce_AndMovesTheReminderAndTheClosing()
    {
        await using var host = await CoreTestHost.StartAsync();
        await PlanAsync(host);
        host.Time.Advance(TimeSpan.FromDays(10));
        var newDeadline = new DateTimeOffset(2026, 12, 16, 16, 0, 0, TimeSpan.Zero);

        await ExtendAsync(host, newDeadline, "На прохання старост");
        await PlanAsync(host);

        var notices = await NoticesAsync(host);
        var extended = Assert.Single(notices, n => n.Kind == AnnouncementKind.DeadlineExtended);
        Assert.Equal(host.Time.GetUtcNow(), extended.SendAt);
        var reminder = Assert.Single(notices, n => n.Kind == AnnouncementKind.DeadlineReminder);
        Assert.Equal(new DateTimeOffset(2026, 12, 11, 10, 0, 0, TimeSpan.FromHours(2)), reminder.SendAt); // Friday before Wednesday 16th
        Assert.Equal(newDeadline, Assert.Single(notices, n => n.Kind == AnnouncementKind.ConsultationClosed).SendAt);

        await using var scope = host.Scope();
        var text = await scope.ServiceProvider.GetRequiredService<NoticeValues>().RenderAsync(extended);
        Assert.Contains("16.12.2026 18:00", text, StringComparison.Ordinal);
        Assert.Contains("02.12.2026 11:00", text, StringComparison.Ordinal);
        Assert.Contains("На прохання старост", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReminderEditedByAPerson_KeepsItsTime_WhenTheDeadlineMoves()
    {
        await using var host = await CoreTestHost.StartAsync();
        await PlanAsync(host);
        var reminder = (await NoticesAsync(host)).Single(n => n.Kind == AnnouncementKind.DeadlineReminder);
        var chosen = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.FromHours(2));
        await using (var scope = host.Scope())
        {
            var edit = await scope.ServiceProvider.GetRequiredService<AnnouncementService>().EditAsync(reminder.Id,
                new AnnouncementInput(null, "Лишилося кілька днів: збір «{title}» триває до {deadline}.", ["WebChatSubscribers"], chosen, null), "comms");
            Assert.Null(edit.Errors);
        }

        await ExtendAsync(host, Deadline.AddDays(14), "Продовжено");
        await PlanAsync(host);

        var after = (await NoticesAsync(host)).Single(n => n.Kind == AnnouncementKind.DeadlineReminder);
        Assert.Equal(reminder.Id, after.Id);
        Assert.Equal(chosen, after.SendAt);
        Assert.StartsWith("Лишилося кілька днів", after.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchedOffNotice_IsNotPlanned_AndAScheduledOneIsCancelled()
    {
        await using var host = await CoreTestHost.StartAsync();
        await PlanAsync(host);
        host.Configuration["Hromada:Announcements:Notices:DeadlineReminder:Enabled"] = "false";
        await host.RestartAsync();

        await PlanAsync(host);

        var notices = await NoticesAsync(host);
        var reminder = notices.Single(n => n.Kind == AnnouncementKind.DeadlineReminder);
        Assert.Equal(AnnouncementStatus.Cancelled, reminder.Status);
        Assert.Contains("Hromada:Announcements:Notices:DeadlineReminder:Enabled is false", reminder.CancelledBy, StringComparison.Ordinal);
        Assert.All(notices.Where(n => n.Kind != AnnouncementKind.DeadlineReminder), n => Assert.Equal(AnnouncementStatus.Scheduled, n.Status));
    }

    [Fact]
    public async Task ClosingTheConsultation_CancelsTheReminder_AndMovesTheClosingNoticeToThatMoment()
    {
        await using var host = await CoreTestHost.StartAsync();
        await PlanAsync(host);
        host.Time.Advance(TimeSpan.FromDays(5));
        await DbAsync(host, async db =>
        {
            var c = await db.Consultations.SingleAsync();
            c.ClosedAt = host.Time.GetUtcNow();
            return await db.SaveChangesAsync();
        });

        await PlanAsync(host);

        var notices = await NoticesAsync(host);
        Assert.Equal(AnnouncementStatus.Cancelled, notices.Single(n => n.Kind == AnnouncementKind.DeadlineReminder).Status);
        Assert.Equal(host.Time.GetUtcNow(), notices.Single(n => n.Kind == AnnouncementKind.ConsultationClosed).SendAt);
    }

    [Fact]
    public async Task Decisions_ScheduleOneDecisionsPublishedNotice_WorkingDaysAfterTheFirst()
    {
        await using var host = await CoreTestHost.StartAsync();
        await SubmitAndDecideAsync(host, 2, decidedAt: new DateTimeOffset(2026, 11, 6, 12, 0, 0, TimeSpan.Zero)); // Friday
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 6, 13, 0, 0, TimeSpan.Zero));

        await PlanAsync(host);
        await SubmitAndDecideAsync(host, 1, decidedAt: host.Time.GetUtcNow());
        await PlanAsync(host);

        var published = Assert.Single(await NoticesAsync(host), n => n.Kind == AnnouncementKind.DecisionsPublished);
        Assert.Equal(new DateTimeOffset(2026, 11, 9, 10, 0, 0, TimeSpan.FromHours(2)), published.SendAt); // the next working day, Monday
        await using var scope = host.Scope();
        var text = await scope.ServiceProvider.GetRequiredService<NoticeValues>().RenderAsync(published);
        Assert.Contains("розглянуто 3 з 3", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DecisionsPublishedNotice_LinksToTheResultsPage_NotToACommandNobodyCanRunInAChannelOrTheFeed()
    {
        await using var host = await CoreTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Hromada:Community:PublicBaseUrl"] = "https://hromada.example.org/",
        });
        await SubmitAndDecideAsync(host, 1, decidedAt: host.Time.GetUtcNow());
        await PlanAsync(host);
        var published = Assert.Single(await NoticesAsync(host), n => n.Kind == AnnouncementKind.DecisionsPublished);

        string beforePublishing, afterPublishing;
        await using (var scope = host.Scope())
        {
            beforePublishing = await scope.ServiceProvider.GetRequiredService<NoticeValues>().RenderAsync(published);
        }
        await DbAsync(host, async db =>
        {
            (await db.Consultations.SingleAsync()).ResultsPublic = true;
            return await db.SaveChangesAsync();
        });
        await using (var scope = host.Scope())
        {
            afterPublishing = await scope.ServiceProvider.GetRequiredService<NoticeValues>().RenderAsync(published);
        }

        Assert.Contains("https://hromada.example.org/results/1", afterPublishing, StringComparison.Ordinal);
        // Not yet published: the list of published results, never an address that answers 404.
        Assert.Contains("https://hromada.example.org/results", beforePublishing, StringComparison.Ordinal);
        Assert.DoesNotContain("/results/1", beforePublishing, StringComparison.Ordinal);
        Assert.DoesNotContain("/my", afterPublishing, StringComparison.Ordinal);
        Assert.DoesNotContain("/my", beforePublishing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConsultationFromBeforeThisFeature_DoesNotAnnounceItsOldOpening()
    {
        await using var host = await CoreTestHost.StartAsync();
        host.Time.Advance(TimeSpan.FromDays(3));

        await PlanAsync(host);

        Assert.DoesNotContain(await NoticesAsync(host), n => n.Kind == AnnouncementKind.ConsultationOpened);
    }

    [Fact]
    public async Task TemplateFromConfiguration_IsTheNoticeText()
    {
        await using var host = await CoreTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Hromada:Announcements:Notices:ConsultationOpened:Template"] = "Стартував збір: {title}, до {deadline}.",
        });

        await PlanAsync(host);

        var opened = (await NoticesAsync(host)).Single(n => n.Kind == AnnouncementKind.ConsultationOpened);
        await using var scope = host.Scope();
        var text = await scope.ServiceProvider.GetRequiredService<NoticeValues>().RenderAsync(opened);
        Assert.StartsWith("Стартував збір: Збір пропозицій до Програми", text, StringComparison.Ordinal);
        Assert.EndsWith(", до 02.12.2026 11:00.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TemplateWithAnUnknownPlaceholder_StopsTheServiceNamingTheSetting()
    {
        var ex = await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => CoreTestHost.StartAsync(
            new Dictionary<string, string?> { ["Hromada:Announcements:Notices:DeadlineExtended:Template"] = "До {dedline}" }));

        Assert.Contains("Hromada:Announcements:Notices:DeadlineExtended:Template: unknown placeholder(s) {dedline}", ex.Message, StringComparison.Ordinal);
    }

    private static async Task SubmitAndDecideAsync(CoreTestHost host, int count, DateTimeOffset decidedAt)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Hromada.Core.Storage.HromadaDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<ProposalService>();
        for (var i = 0; i < count; i++)
        {
            var p = await service.SubmitAsync(new NewProposal
            {
                ConsultationId = (await db.Consultations.FirstAsync()).Id,
                Channel = Channel.WebChat,
                ReceivedAt = host.Time.GetUtcNow(),
                AuthorCategoryId = (await db.AuthorCategories.FirstAsync(c => c.Code == "person")).Id,
                SphereId = (await db.Spheres.FirstAsync(s => s.Code == "infrastructure")).Id,
                SettlementId = (await db.Settlements.FirstAsync(s => s.Code == "kamianka")).Id,
                Text = "Відремонтувати дорогу до школи в Камʼянці",
                Actor = "resident:WebChat",
            });
            var tracked = await db.Proposals.SingleAsync(x => x.Id == p.Id);
            tracked.Status = ProposalStatus.Decided;
            tracked.Outcome = DecisionOutcome.Accepted;
            tracked.Justification = "Підтримано";
            tracked.DecidedAt = decidedAt;
            tracked.DecidedBy = "secretary";
            await db.SaveChangesAsync();
        }
    }
}
