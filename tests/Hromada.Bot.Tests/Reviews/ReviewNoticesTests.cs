using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Reports;
using Hromada.Core.Access;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Reviews;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Reviews;

/// <summary>
/// Review bodies told when proposals are routed to them, reminded before the due date, and the secretary told when it
/// passes. "Now" is Monday 2 November 2026, 11:00 in Kyiv; time moves with the fake clock, nothing sleeps.
/// </summary>
public sealed class ReviewNoticesTests
{
    private const string InfrastructureChat = "-1001111";
    private const string SecretaryChat = "-1009999";

    private static (HromadaAppFactory App, FakeChannelSender Telegram) App()
    {
        var telegram = new FakeChannelSender(Channel.Telegram);
        var app = new HromadaAppFactory()
            .WithSettings(new Dictionary<string, string?>
            {
                ["Hromada:Review:ReminderWorkingDays"] = "2",
                ["Hromada:WorkingGroup:TelegramChats:0"] = SecretaryChat,
                // The weekly summary goes to the same chat; WeeklySummaryTests test it.
                ["Hromada:WeeklySummary:Enabled"] = "false",
                ["Hromada:Announcements:Notices:ConsultationOpened:Enabled"] = "false",
                ["Hromada:Announcements:Notices:DeadlineReminder:Enabled"] = "false",
                ["Hromada:Pipeline:PayloadRetention"] = "30.00:00:00",
                ["Hromada:Pipeline:RecordRetention"] = "60.00:00:00",
            })
            .WithServices(s => s.AddSingleton<IChannelSender>(telegram));
        return (app, telegram);
    }

    private static async Task SetChatAsync(HttpClient client, string body, string chat)
    {
        var response = await client.PutAsJsonAsync($"/api/admin/review-bodies/{body}/contacts", new { telegramChat = chat, emails = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<List<string>> NoticesToAsync(HromadaAppFactory app, string chat)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var payloads = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Purpose == OutboxPurpose.Notice && m.Recipient == chat).OrderBy(m => m.Id).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => OutboxPayload.Read(p).Single().Text).ToList();
    }

    private static async Task RunChecksAsync(HromadaAppFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ReviewNotices>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ABody_IsToldOncePerRoutingBatch_WithHowManyTheDueDateAndTheLinkToItsList()
    {
        var (app, telegram) = App();
        await using var _ = app;
        var a = await ReportSeed.AddAsync(app);
        var b = await ReportSeed.AddAsync(app);
        var c = await ReportSeed.AddAsync(app);
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        await SetChatAsync(client, "sg-infrastructure", InfrastructureChat);

        var bulk = await client.PostAsJsonAsync("/api/admin/proposals/bulk/routes",
            new { references = new[] { a.Reference, b.Reference }, reviewBodies = new[] { "sg-infrastructure", "sg-social" }, dueDate = "2026-11-13" });
        Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
        var one = await client.PostAsJsonAsync($"/api/admin/proposals/{c.Reference}/routes",
            new { reviewBodies = new[] { "sg-infrastructure" }, dueDate = "2026-11-16" });
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        await RunChecksAsync(app); // a periodic check finds nothing more to tell

        var told = await NoticesToAsync(app, InfrastructureChat);
        Assert.Equal(2, told.Count);
        Assert.StartsWith("Підгрупа з питань ЖКГ, будівництва, доріг, транспорту і звʼязку: передано на розгляд 2 пропозиції. Позицію потрібно надати до 13.11.2026.", told[0], StringComparison.Ordinal);
        var body = await ScopeBodyIdAsync(app, "sg-infrastructure");
        Assert.Contains($"http://localhost:5080/admin/proposals?reviewBodyId={body}&status=Routed", told[0], StringComparison.Ordinal);
        Assert.Contains("передано на розгляд 1 пропозиція. Позицію потрібно надати до 16.11.2026.", told[1], StringComparison.Ordinal);
        // The second notice to the same chat is sent by the outbox's next poll (the clock moves; nothing sleeps).
        await Eventually.GetAsync(() =>
        {
            app.Time.Advance(TimeSpan.FromSeconds(5));
            return telegram.Sent.Count(s => s.Recipient == InfrastructureChat);
        }, n => n == 2, "both notices delivered", 30_000);

        // sg-social has no contacts: not told, listed as not reachable with its routes waiting.
        var bodies = await client.GetFromJsonAsync<JsonElement>("/api/admin/review-bodies");
        var social = bodies.EnumerateArray().Single(x => x.GetProperty("code").GetString() == "sg-social");
        Assert.False(social.GetProperty("reachable").GetBoolean());
        Assert.Equal(2, social.GetProperty("notTold").GetInt32());

        // Once it has a chat, it is told of what waited, once.
        await SetChatAsync(client, "sg-social", "-1002222");
        await RunChecksAsync(app);
        var socialTold = Assert.Single(await NoticesToAsync(app, "-1002222"));
        Assert.Contains("передано на розгляд 2 пропозиції", socialTold, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABody_IsRemindedOnce_TwoWorkingDaysBeforeTheDueDate_AndTheSecretaryToldOnceWhenItPasses()
    {
        var (app, telegram) = App();
        await using var _ = app;
        var a = await ReportSeed.AddAsync(app);
        var b = await ReportSeed.AddAsync(app);
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        await SetChatAsync(client, "sg-infrastructure", InfrastructureChat);
        await client.PostAsJsonAsync("/api/admin/proposals/bulk/routes",
            new { references = new[] { a.Reference, b.Reference }, reviewBodies = new[] { "sg-infrastructure" }, dueDate = "2026-11-13" });

        await RunChecksAsync(app);
        Assert.Single(await NoticesToAsync(app, InfrastructureChat)); // only "routed" on Monday

        app.Time.Advance(TimeSpan.FromDays(1)); // Tuesday 3 November
        await RunChecksAsync(app);
        Assert.Single(await NoticesToAsync(app, InfrastructureChat));

        app.Time.Advance(TimeSpan.FromDays(7)); // Tuesday 10 November, 11:00: three working days before Friday 13th
        await RunChecksAsync(app);
        Assert.Single(await NoticesToAsync(app, InfrastructureChat));

        app.Time.Advance(TimeSpan.FromDays(1)); // Wednesday 11 November: two working days before
        await RunChecksAsync(app);
        await RunChecksAsync(app);
        var notices = await NoticesToAsync(app, InfrastructureChat);
        Assert.Equal(2, notices.Count);
        Assert.StartsWith("Підгрупа з питань ЖКГ, будівництва, доріг, транспорту і звʼязку: нагадування — позицію щодо 2 пропозицій ще не надано; строк до 13.11.2026.", notices[1], StringComparison.Ordinal);
        Assert.Empty(await NoticesToAsync(app, SecretaryChat));

        var position = await client.PutAsJsonAsync($"/api/admin/proposals/{a.Reference}/routes/sg-infrastructure/position",
            new { stance = "Support", justification = "Підтримуємо" });
        Assert.Equal(HttpStatusCode.OK, position.StatusCode);
        app.Time.Advance(TimeSpan.FromDays(5)); // Monday 16 November: the due date passed
        await RunChecksAsync(app);
        await RunChecksAsync(app);

        Assert.Equal(2, (await NoticesToAsync(app, InfrastructureChat)).Count);
        var overdue = Assert.Single(await NoticesToAsync(app, SecretaryChat));
        Assert.Equal(
            "Строк надання позиції минув без позиції:\n— Підгрупа з питань ЖКГ, будівництва, доріг, транспорту і звʼязку: 1 пропозиція (строк до 13.11.2026)\n" +
            "Перелік: http://localhost:5080/admin/proposals?overdue=true", overdue);
        await Eventually.GetAsync(() => telegram.Sent.Count(s => s.Recipient == SecretaryChat), n => n == 1, "the overdue notice delivered");
    }

    [Fact]
    public async Task ABodyWithoutContacts_IsShownOnTheDashboardAsNotReachable()
    {
        var (app, _) = App();
        await using var __ = app;
        var a = await ReportSeed.AddAsync(app, route: "sg-social", due: new DateOnly(2026, 11, 13));
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        await SetChatAsync(client, "sg-infrastructure", InfrastructureChat);
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));

        var html = WebUtility.HtmlDecode(await secretary.GetHtmlAsync("/admin"));

        Assert.Contains("<li data-body=\"sg-social\">Підгрупа з соціально-гуманітарних питань — <span class=\"badge overdue\">не досяжний</span> на розгляді: 1</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-body=\"sg-infrastructure\"", html, StringComparison.Ordinal);
        var page = WebUtility.HtmlDecode(await secretary.GetHtmlAsync("/admin/review-bodies"));
        Assert.Contains("не досяжний: немає контактів", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{InfrastructureChat}\"", page, StringComparison.Ordinal);
        _ = a;
    }

    [Fact]
    public async Task TheInterimReport_IsSentToTheBodiesWithContacts_FromTheDashboard_AndAReviewerDownloadsIt()
    {
        var (app, _) = App();
        await using var __ = app;
        await ReportSeed.AddAsync(app, route: "sg-infrastructure", due: new DateOnly(2026, 11, 13));
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        await SetChatAsync(client, "sg-infrastructure", InfrastructureChat);
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));
        using var reviewer = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "підгрупа", AdminRole.Reviewer, "sg-infrastructure"));
        int consultation;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            consultation = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Consultations.Select(c => c.Id).FirstAsync();
        }

        var page = WebUtility.HtmlDecode(await secretary.SubmitAsync("/admin", "/admin?handler=SendInterim", [new("consultation", $"{consultation}")]));

        Assert.Contains("Проміжний звіт надіслано органам розгляду: 1.", page, StringComparison.Ordinal);
        Assert.Contains("Не досяжні (немає контактів): ", page, StringComparison.Ordinal);
        var sent = Assert.Single(await NoticesToAsync(app, InfrastructureChat), t => t.Contains("проміжний звіт", StringComparison.Ordinal));
        Assert.EndsWith($"Завантажити: http://localhost:5080/admin/reports/interim.docx?consultation={consultation}", sent, StringComparison.Ordinal);
        var download = await reviewer.Http.GetAsync(new Uri($"/admin/reports/interim.docx?consultation={consultation}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/admin/reports/interim.docx", await reviewer.GetHtmlAsync("/admin"), StringComparison.Ordinal);
        await reviewer.PostFormAsync("/admin", "/admin?handler=SendInterim", [new("consultation", $"{consultation}")]);
        Assert.Equal(2, (await NoticesToAsync(app, InfrastructureChat)).Count); // told of its route, then the report; a reviewer sends nothing
    }

    [Fact]
    public async Task Contacts_ThatAreNotAChatOrAnAddress_Are400NamingTheField()
    {
        var (app, _) = App();
        await using var __ = app;
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        using var reviewer = await AdminClient.ForRoleAsync(app, AdminRole.Reviewer, "sg-infrastructure");

        var chat = await client.PutAsJsonAsync("/api/admin/review-bodies/sg-social/contacts", new { telegramChat = "підгрупа", emails = Array.Empty<string>() });
        var mail = await client.PutAsJsonAsync("/api/admin/review-bodies/sg-social/contacts", new { telegramChat = "", emails = new[] { "not-an-address" } });
        var missing = await client.PutAsJsonAsync("/api/admin/review-bodies/nobody/contacts", new { telegramChat = "", emails = Array.Empty<string>() });
        var forbidden = await reviewer.PutAsJsonAsync("/api/admin/review-bodies/sg-infrastructure/contacts", new { telegramChat = "-100", emails = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.BadRequest, chat.StatusCode);
        Assert.Contains("telegramChat", await chat.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, mail.StatusCode);
        Assert.Contains("not-an-address", await mail.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    private static async Task<int> ScopeBodyIdAsync(HromadaAppFactory app, string code)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().ReviewBodies.Where(b => b.Code == code).Select(b => b.Id).SingleAsync();
    }
}
