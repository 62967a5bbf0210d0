using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Reports;
using Hromada.Core.Access;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Reports;
using Hromada.Core.Reviews;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hromada.Bot.Tests.Reviews;

/// <summary>
/// The weekly analytical summary sent to the working group on its day, moved across a day off, once per week whatever
/// restarts, and — with the review notices — once with two instances on one database. "Now" starts at Monday
/// 2 November 2026, 11:00 in Kyiv; time moves with the fake clock, nothing sleeps.
/// </summary>
public sealed class WeeklySummaryTests
{
    private const string GroupChat = "-1007777";
    private const string InfrastructureChat = "-1001111";

    private static HromadaAppFactory App(FakeChannelSender telegram, IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hromada:WorkingGroup:TelegramChats:0"] = GroupChat,
            ["Hromada:Announcements:Notices:ConsultationOpened:Enabled"] = "false",
            ["Hromada:Announcements:Notices:DeadlineReminder:Enabled"] = "false",
            ["Hromada:Pipeline:PayloadRetention"] = "30.00:00:00",
            ["Hromada:Pipeline:RecordRetention"] = "60.00:00:00",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }
        return new HromadaAppFactory().WithSettings(settings).WithServices(s => s.AddSingleton<IChannelSender>(telegram));
    }

    private static async Task<WeeklySummary?> RunAsync(HromadaAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<WeeklySummaries>().RunOnceAsync(CancellationToken.None);
    }

    private static async Task<List<WeeklySummary>> SummariesAsync(HromadaAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().WeeklySummaries.AsNoTracking().OrderBy(s => s.PeriodStart).ToListAsync();
    }

    private static async Task<List<string>> NoticesToAsync(HromadaAppFactory app, string chat)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var payloads = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Purpose == OutboxPurpose.Notice && m.Recipient == chat).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => OutboxPayload.Read(p).Single().Text).ToList();
    }

    private static DateTimeOffset Kyiv(int month, int day, int hour) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task OnMonday_TheWeekGoesToTheWorkingGroup_ComparedWithTheWeekBefore_Once_AndIsOnTheDashboardAndTheApi()
    {
        var telegram = new FakeChannelSender(Channel.Telegram);
        var app = App(telegram, new Dictionary<string, string?> { ["Hromada:WeeklySummary:Time"] = "12:00" });
        await using var _ = app;
        await ReportSeed.AddAsync(app, receivedAt: Kyiv(10, 20, 10));                       // the week before
        await ReportSeed.AddAsync(app, receivedAt: Kyiv(10, 27, 10));                       // the week
        var decided = await ReportSeed.AddAsync(app, receivedAt: Kyiv(10, 28, 10), outcome: DecisionOutcome.Accepted);
        await ReportSeed.AddAsync(app, receivedAt: Kyiv(10, 30, 10), route: "sg-infrastructure", due: new DateOnly(2026, 10, 29));
        await ReportSeed.AddAsync(app, receivedAt: Kyiv(11, 2, 10));                        // this week: not counted yet
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Proposals.Where(p => p.Id == decided.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.DecidedAt, Kyiv(10, 29, 15)));
        }
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        Assert.Null(await RunAsync(app)); // Monday 11:00: before its time
        var none = await client.GetAsync(new Uri("/api/admin/reports/weekly", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType?.MediaType);
        Assert.Contains("No weekly summary yet", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        app.Time.Advance(TimeSpan.FromHours(1)); // 12:00 (the periodic pass may run first; either way one summary)
        await RunAsync(app);
        Assert.Null(await RunAsync(app));

        var summary = Assert.Single(await SummariesAsync(app));
        Assert.Equal((new DateOnly(2026, 10, 26), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 2), 1),
            (summary.PeriodStart, summary.PeriodEnd, summary.DueOn, summary.Recipients));
        // The group chat also gets the overdue notice of the route due 29 October; the summary is one message of its own.
        var text = Assert.Single(await NoticesToAsync(app, GroupChat), t => t.StartsWith("Тижневий", StringComparison.Ordinal));
        Assert.Equal(summary.Text, text);
        Assert.StartsWith("Тижневий аналітичний підсумок за 26.10.2026–01.11.2026.\nЗа період з 26.10.2026 по 01.11.2026 надійшли 3 пропозиції", text, StringComparison.Ordinal);
        Assert.Contains(
            "Порівняно з попереднім тижнем (19.10.2026–25.10.2026):\n" +
            "— надійшло пропозицій: 3 (тижнем раніше — 1; +2)\n" +
            "— ухвалено рішень: 1 (тижнем раніше — 0; +1)\n" +
            "— без рішення на кінець тижня: 3 (тижнем раніше — 1; +2)\n" +
            "— строк позиції органу розгляду минув: 1 (тижнем раніше — 0; +1)\n" +
            "Огляд: http://localhost:5080/admin", text, StringComparison.Ordinal);
        // A second message to the same chat written while the first is in flight goes at the outbox's next poll (the clock moves).
        await Eventually.GetAsync(() =>
        {
            app.Time.Advance(TimeSpan.FromSeconds(5));
            return telegram.Sent.Count(s => s.Recipient == GroupChat && s.Text == text);
        }, n => n == 1, "the summary delivered", 30_000);

        var api = await client.GetFromJsonAsync<JsonElement>("/api/admin/reports/weekly");
        Assert.Equal("2026-10-26", api.GetProperty("from").GetString());
        Assert.Equal("2026-11-01", api.GetProperty("to").GetString());
        Assert.Equal(3, api.GetProperty("received").GetProperty("week").GetInt32());
        Assert.Equal(1, api.GetProperty("received").GetProperty("weekBefore").GetInt32());
        Assert.Equal(1, api.GetProperty("recipients").GetInt32());
        Assert.Equal(Kyiv(11, 9, 12), api.GetProperty("nextDueAt").GetDateTimeOffset());
        Assert.Single(await SummariesAsync(app)); // the clock moved on for the delivery: still one
        using var reviewerKey = await AdminClient.ForRoleAsync(app, AdminRole.Reviewer, "sg-infrastructure");
        using var communications = await AdminClient.ForRoleAsync(app, AdminRole.Communications);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewerKey.GetAsync(new Uri("/api/admin/reports/weekly", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await communications.GetAsync(new Uri("/api/admin/reports/weekly", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain("Олена", api.GetRawText(), StringComparison.Ordinal); // the seeded author's name is nowhere in it

        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));
        var html = Regex.Replace(WebUtility.HtmlDecode(await secretary.GetHtmlAsync("/admin")), @">\s+<", "><");
        Assert.Contains("<h3 id=\"weekly-title\">З 26.10.2026 по 01.11.2026</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Надійшло пропозицій</th><td>3</td><td>1</td><td>+2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Ухвалено рішень</th><td>1</td><td>0</td><td>+1</td>", html, StringComparison.Ordinal);
        using var reviewer = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "підгрупа", AdminRole.Reviewer, "sg-infrastructure"));
        Assert.DoesNotContain("weekly-title", await reviewer.GetHtmlAsync("/admin"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMondayOff_MovesTheSummaryToTuesday_AndEachWeekIsSentOnce()
    {
        var telegram = new FakeChannelSender(Channel.Telegram);
        var app = App(telegram, new Dictionary<string, string?> { ["Hromada:Calendar:DaysOff:0"] = "2026-11-09" });
        await using var __ = app;
        _ = app.Services;

        await RunAsync(app); // Monday 2 November, 11:00: due since 09:00 (the periodic pass at start may have sent it already)
        Assert.Equal(new DateOnly(2026, 10, 26), Assert.Single(await SummariesAsync(app)).PeriodStart);

        app.Time.Advance(TimeSpan.FromDays(7)); // Monday 9 November, 11:00: a day off
        Assert.Null(await RunAsync(app));
        app.Time.Advance(TimeSpan.FromHours(21)); // Tuesday 10 November, 08:00
        Assert.Null(await RunAsync(app));
        Assert.Single(await SummariesAsync(app));

        app.Time.Advance(TimeSpan.FromHours(1)); // Tuesday, 09:00
        await RunAsync(app);
        await RunAsync(app);

        var summaries = await SummariesAsync(app);
        Assert.Equal(2, summaries.Count);
        Assert.Equal((new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 8), new DateOnly(2026, 11, 10)),
            (summaries[1].PeriodStart, summaries[1].PeriodEnd, summaries[1].DueOn));
        var texts = await NoticesToAsync(app, GroupChat);
        Assert.Equal(2, texts.Count);
        Assert.StartsWith("Тижневий аналітичний підсумок за 02.11.2026–08.11.2026.", texts[1], StringComparison.Ordinal);
    }

    [DatabaseTheory]
    [OnEachDatabase]
    public async Task AfterARestart_TheSameWeekIsNotSentAgain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var first = App(new FakeChannelSender(Channel.Telegram), database.Settings))
        {
            _ = first.Services;
            await RunAsync(first);
            Assert.Single(await SummariesAsync(first));
        }

        await using var second = App(new FakeChannelSender(Channel.Telegram), database.Settings);
        _ = second.Services; // started again at the same moment: its periodic pass runs at start
        Assert.Null(await RunAsync(second));
        second.Time.Advance(TimeSpan.FromHours(3));
        Assert.Null(await RunAsync(second));

        Assert.Single(await SummariesAsync(second));
        Assert.Single(await NoticesToAsync(second, GroupChat));
    }

    [DatabaseTheory]
    [OnEachDatabase]
    public async Task TwoInstancesOnOneDatabase_TellRemindNoticeAndSummariseOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await TwoInstancesAsync(database.Settings);
    }

    /// <summary>
    /// Two passes as two instances would run them (separate contexts, separate in-process gates) on one database, each
    /// interleaved at the worst moment: instance B runs its whole pass after instance A has read the routes (or built
    /// the summary) and before A writes. A must then send nothing.
    /// </summary>
    private static async Task TwoInstancesAsync(IDictionary<string, string?> database)
    {
        var telegram = new FakeChannelSender(Channel.Telegram);
        var race = new Interleaving();
        var app = App(telegram, database).WithServices(s =>
        {
            // Only the two passes below run (the periodic one would take the work before them).
            var periodic = s.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "ReviewNoticeService");
            s.Remove(periodic);
            s.ConfigureDbContext<HromadaDbContext>(o => o.AddInterceptors(race));
        });
        await using var _ = app;
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        var chat = await client.PutAsJsonAsync("/api/admin/review-bodies/sg-infrastructure/contacts", new { telegramChat = InfrastructureChat, emails = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        await ReportSeed.AddAsync(app, route: "sg-infrastructure", due: new DateOnly(2026, 11, 4));  // reminded today (two working days before)
        await ReportSeed.AddAsync(app, route: "sg-infrastructure", due: new DateOnly(2026, 11, 4));
        await ReportSeed.AddAsync(app, route: "sg-infrastructure", due: new DateOnly(2026, 10, 30)); // overdue

        await using var scopeA = app.Services.CreateAsyncScope();
        await using var scopeB = app.Services.CreateAsyncScope();
        var a = scopeA.ServiceProvider.GetRequiredService<ReviewNotices>();
        var aWeekly = scopeA.ServiceProvider.GetRequiredService<WeeklySummaries>();
        var b = ActivatorUtilities.CreateInstance<ReviewNotices>(scopeB.ServiceProvider, new ReviewNoticeGate());
        var bWeekly = ActivatorUtilities.CreateInstance<WeeklySummaries>(scopeB.ServiceProvider, new ReviewNoticeGate());
        var bCounts = new List<int>();
        race.Of = scopeA.ServiceProvider.GetRequiredService<HromadaDbContext>();
        race.AfterRoutesRead.Enqueue(async () => bCounts.Add(await b.TellRoutedAsync(CancellationToken.None)));
        race.AfterRoutesRead.Enqueue(async () => bCounts.Add(await b.RemindAsync(CancellationToken.None)));
        race.AfterRoutesRead.Enqueue(async () => bCounts.Add(await b.OverdueAsync(CancellationToken.None)));

        var aCounts = await a.RunOnceAsync(CancellationToken.None);

        Assert.Empty(race.AfterRoutesRead); // B ran inside each of A's three passes
        Assert.Equal(new[] { 1, 1, 1 }, bCounts);
        Assert.Equal(new ReviewNoticeCounts(0, 0, 0), aCounts);

        race.BeforeSave = async () => Assert.NotNull(await bWeekly.RunOnceAsync(CancellationToken.None));
        Assert.Null(await aWeekly.RunOnceAsync(CancellationToken.None));
        Assert.Null(race.BeforeSave);

        var told = await NoticesToAsync(app, InfrastructureChat);
        Assert.Equal(2, told.Count);
        Assert.Contains("передано на розгляд 3 пропозиції", told[0], StringComparison.Ordinal);
        Assert.Contains("нагадування — позицію щодо 2 пропозицій ще не надано", told[1], StringComparison.Ordinal);
        var group = await NoticesToAsync(app, GroupChat);
        Assert.Equal(2, group.Count);
        Assert.StartsWith("Строк надання позиції минув без позиції:", group[0], StringComparison.Ordinal);
        Assert.StartsWith("Тижневий аналітичний підсумок за 26.10.2026–01.11.2026.", group[1], StringComparison.Ordinal);
        Assert.Single(await SummariesAsync(app));
        await using var check = app.Services.CreateAsyncScope();
        var routes = await check.ServiceProvider.GetRequiredService<HromadaDbContext>().ProposalRoutes.AsNoTracking().ToListAsync();
        Assert.All(routes, r => Assert.NotNull(r.NotifiedAt));
        Assert.Equal(2, routes.Count(r => r.RemindedAt != null));
        Assert.Equal(1, routes.Count(r => r.OverdueNotifiedAt != null));
    }

    /// <summary>
    /// Runs the other instance's pass at the moment <see cref="Of"/> (instance A's context) has read the routes, or is
    /// about to save; each step once, in order.
    /// </summary>
    private sealed class Interleaving : DbCommandInterceptor, ISaveChangesInterceptor
    {
        public DbContext? Of { get; set; }

        public Queue<Func<Task>> AfterRoutesRead { get; } = new();

        public Func<Task>? BeforeSave { get; set; }

        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } c && ReferenceEquals(c, Of) && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
                && command.CommandText.Contains("FROM \"ProposalRoutes\"", StringComparison.Ordinal) && AfterRoutesRead.TryDequeue(out var step))
            {
                await step();
            }
            return result;
        }

        public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { } c && ReferenceEquals(c, Of) && BeforeSave is { } step)
            {
                BeforeSave = null;
                await step();
            }
            return result;
        }
    }
}
