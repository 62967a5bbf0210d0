using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Announcements;
using Hromada.Core.Inbox;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Reports;

/// <summary>
/// The participation figures against a known set: the consultation opened on 20 October; "now" is 2 November 11:00 Kyiv.
/// Residents A (Telegram), B (web chat), C (Telegram) and D (Messenger); a group chat with no resident.
/// </summary>
public sealed class ParticipationTests
{
    private static readonly DateTimeOffset Oct21 = new(2026, 10, 21, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Oct25 = new(2026, 10, 25, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Oct30 = new(2026, 10, 30, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Nov1 = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Nov2 = new(2026, 11, 2, 7, 0, 0, TimeSpan.Zero);

    private static HromadaAppFactory App() => new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
    {
        ["Hromada:Announcements:Notices:ConsultationOpened:Enabled"] = "false",
        ["Hromada:Announcements:Notices:DeadlineReminder:Enabled"] = "false",
        ["Hromada:Participation:ActiveUsers"] = "3",
    });

    private static async Task SeedAsync(HromadaAppFactory app)
    {
        _ = app.Services;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        await db.Consultations.ExecuteUpdateAsync(u => u.SetProperty(c => c.OpensAt, new DateTimeOffset(2026, 10, 20, 6, 0, 0, TimeSpan.Zero)));

        Resident Resident(Channel channel, string id, DateTimeOffset? subscribed) => new()
        {
            Channel = channel, ChannelUserId = id, CreatedAt = Oct21, IsSubscribed = subscribed is not null, SubscribedAt = subscribed,
        };
        var a = Resident(Channel.Telegram, "1001", Oct21);
        var b = Resident(Channel.WebChat, "web-b", Nov1);
        var c = Resident(Channel.Telegram, "1003", null);
        var d = Resident(Channel.Messenger, "psid-d", Oct30);
        db.Residents.AddRange(a, b, c, d);
        await db.SaveChangesAsync();

        var n = 0;
        InboxItem Wrote(Channel channel, string sender, DateTimeOffset at, InboxStatus status = InboxStatus.Done) => new()
        {
            Channel = channel, ExternalId = $"m{++n}", SenderKey = sender, Payload = "{}", ReceivedAt = at, Status = status,
            NextAttemptAt = at, ProcessedAt = status == InboxStatus.Done ? at : null,
        };
        db.InboxItems.AddRange(
            Wrote(Channel.Telegram, "1001", Oct21), Wrote(Channel.Telegram, "1001", Nov1), Wrote(Channel.Telegram, "1001", Nov1.AddMinutes(5)),
            Wrote(Channel.WebChat, "web-b", Nov1), Wrote(Channel.Telegram, "1003", Oct30), Wrote(Channel.Messenger, "psid-d", Oct30),
            Wrote(Channel.Telegram, "-100500", Oct30));
        await db.SaveChangesAsync();

        var proposals = new[]
        {
            (await ReportSeed.AddAsync(app, channel: Channel.Telegram, receivedAt: Oct25)).Id,
            (await ReportSeed.AddAsync(app, channel: Channel.Paper, receivedAt: Oct25)).Id,
            (await ReportSeed.AddAsync(app, channel: Channel.Telegram, receivedAt: Nov1)).Id,
            (await ReportSeed.AddAsync(app, channel: Channel.WebChat, receivedAt: Nov1)).Id,
            (await ReportSeed.AddAsync(app, channel: Channel.Reception, receivedAt: Nov2)).Id,
            (await ReportSeed.AddAsync(app, channel: Channel.Email, receivedAt: Nov2)).Id,
        };
        await db.Proposals.Where(p => p.Id == proposals[0] || p.Id == proposals[2]).ExecuteUpdateAsync(u => u.SetProperty(p => p.ResidentId, a.Id));
        await db.Proposals.Where(p => p.Id == proposals[3]).ExecuteUpdateAsync(u => u.SetProperty(p => p.ResidentId, b.Id));

        // October: one announcement to Telegram subscribers (A reached, C blocked) and the channel; November: one to
        // Telegram and web chat subscribers (A and B reached) and the feed.
        var october = Announcement(Oct30, (AnnouncementTarget.TelegramSubscribers, 2), (AnnouncementTarget.TelegramChannel, 1));
        var november = Announcement(Nov1, (AnnouncementTarget.TelegramSubscribers, 1), (AnnouncementTarget.WebChatSubscribers, 1), (AnnouncementTarget.Feed, 0));
        db.Announcements.AddRange(october, november);
        await db.SaveChangesAsync();
        OutboxMessage Delivery(Announcement an, Channel channel, Resident? to, OutboxStatus status, bool post = false) => new()
        {
            Channel = channel, Recipient = to?.ChannelUserId ?? "@hromada", IsPublicPost = post, Purpose = OutboxPurpose.Announcement,
            Payload = "[]", ResidentId = to?.Id, AnnouncementId = an.Id, Status = status, CreatedAt = an.StartedAt!.Value,
            NextAttemptAt = an.StartedAt.Value, CompletedAt = an.StartedAt.Value,
        };
        db.OutboxMessages.AddRange(
            Delivery(october, Channel.Telegram, a, OutboxStatus.Sent), Delivery(october, Channel.Telegram, c, OutboxStatus.Blocked),
            Delivery(october, Channel.Telegram, null, OutboxStatus.Sent, post: true),
            Delivery(november, Channel.Telegram, a, OutboxStatus.Sent), Delivery(november, Channel.WebChat, b, OutboxStatus.Held));
        await db.SaveChangesAsync();
        await db.OutboxMessages.Where(m => m.AnnouncementId == november.Id && m.Channel == Channel.WebChat)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Sent));
    }

    private static Announcement Announcement(DateTimeOffset at, params (AnnouncementTarget Target, int Enqueued)[] targets) => new()
    {
        PublicId = Guid.NewGuid(), Kind = AnnouncementKind.Manual, Text = "Новини громади", SendAt = at, Status = AnnouncementStatus.Sent,
        CreatedAt = at, CreatedBy = "test", StartedAt = at, CompletedAt = at,
        Targets = targets.Select(t => new AnnouncementTargetProgress { Target = t.Target, Enqueued = t.Enqueued, EnqueuedAt = at }).ToList(),
    };

    private static JsonElement Month(JsonElement report, string month) =>
        report.GetProperty("months").EnumerateArray().Single(m => m.GetProperty("month").GetString() == month).GetProperty("figures");

    private static JsonElement Target(JsonElement figures, string target) =>
        figures.GetProperty("reach").GetProperty("byTarget").EnumerateArray().Single(t => t.GetProperty("target").GetString() == target);

    [Fact]
    public async Task Figures_MatchAKnownSetOfProposalsResidentsAndDeliveries_PerConsultationAndPerMonth()
    {
        await using var app = App();
        await SeedAsync(app);
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var report = await client.GetFromJsonAsync<JsonElement>("/api/admin/reports/participation");

        Assert.Equal("2026-10-20", report.GetProperty("from").GetString());
        Assert.Equal("2026-11-02", report.GetProperty("to").GetString());
        Assert.Equal(["2026-10", "2026-11"], report.GetProperty("months").EnumerateArray().Select(m => m.GetProperty("month").GetString()));

        var total = report.GetProperty("total");
        var proposals = total.GetProperty("proposals");
        Assert.Equal(6, proposals.GetProperty("total").GetInt32());
        Assert.Equal(4, proposals.GetProperty("electronic").GetInt32());
        Assert.Equal(2, proposals.GetProperty("paperOrInPerson").GetInt32());
        Assert.Equal(66.7, proposals.GetProperty("electronicSharePercent").GetDouble());
        var telegram = proposals.GetProperty("byChannel").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "Telegram");
        Assert.Equal(2, telegram.GetProperty("proposals").GetInt32());
        Assert.True(telegram.GetProperty("electronic").GetBoolean());
        Assert.False(proposals.GetProperty("byChannel").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "Cnap").GetProperty("electronic").GetBoolean());

        var residents = total.GetProperty("residents");
        Assert.Equal(4, residents.GetProperty("wrote").GetInt32()); // A, B, C, D; the group chat is nobody
        Assert.Equal(2, residents.GetProperty("submitted").GetInt32()); // A twice, B
        Assert.Equal(3, residents.GetProperty("subscribed").GetInt32()); // A, B, D

        var reach = total.GetProperty("reach");
        Assert.Equal(2, reach.GetProperty("announcements").GetInt32());
        Assert.Equal(2, reach.GetProperty("residents").GetInt32()); // A (twice) and B
        Assert.Equal(1, reach.GetProperty("publicPosts").GetInt32());
        var subscribersReach = Target(total, "TelegramSubscribers");
        Assert.Equal(2, subscribersReach.GetProperty("announcements").GetInt32());
        Assert.Equal(2, subscribersReach.GetProperty("delivered").GetInt32());
        Assert.Equal(1, subscribersReach.GetProperty("notDelivered").GetInt32());
        Assert.Equal(1, Target(total, "Feed").GetProperty("delivered").GetInt32());
        Assert.Equal(1, Target(total, "TelegramChannel").GetProperty("delivered").GetInt32());

        var october = Month(report, "2026-10");
        Assert.Equal(2, october.GetProperty("proposals").GetProperty("total").GetInt32());
        Assert.Equal(50.0, october.GetProperty("proposals").GetProperty("electronicSharePercent").GetDouble());
        Assert.Equal(3, october.GetProperty("residents").GetProperty("wrote").GetInt32()); // A, C, D
        Assert.Equal(1, october.GetProperty("residents").GetProperty("submitted").GetInt32());
        Assert.Equal(2, october.GetProperty("residents").GetProperty("subscribed").GetInt32()); // A, D
        Assert.Equal(1, october.GetProperty("reach").GetProperty("residents").GetInt32());

        var november = Month(report, "2026-11");
        Assert.Equal(4, november.GetProperty("proposals").GetProperty("total").GetInt32());
        Assert.Equal(75.0, november.GetProperty("proposals").GetProperty("electronicSharePercent").GetDouble());
        Assert.Equal(2, november.GetProperty("residents").GetProperty("wrote").GetInt32()); // A, B
        Assert.Equal(2, november.GetProperty("residents").GetProperty("submitted").GetInt32());
        Assert.Equal(2, november.GetProperty("reach").GetProperty("residents").GetInt32());
        Assert.Equal(1, Target(november, "WebChatSubscribers").GetProperty("delivered").GetInt32());

        var targets = report.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("code").GetString()!);
        Assert.Equal(50, targets["electronicShare"].GetProperty("target").GetDouble());
        Assert.True(targets["electronicShare"].GetProperty("met").GetBoolean());
        Assert.Equal(3, targets["activeUsers"].GetProperty("target").GetDouble()); // from the setting
        Assert.True(targets["activeUsers"].GetProperty("met").GetBoolean());
        Assert.Equal(3000, targets["reach"].GetProperty("target").GetDouble());
        Assert.Equal(5000, targets["reach"].GetProperty("targetUpTo").GetDouble());
        Assert.False(targets["reach"].GetProperty("met").GetBoolean());
        Assert.Equal(3, report.GetProperty("subscribersNow").GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task WhoWrote_IsKept_AfterTheInboxIsDeleted_AndNotCountedTwice()
    {
        await using var app = App();
        await SeedAsync(app);
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        await client.GetFromJsonAsync<JsonElement>("/api/admin/reports/participation");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().InboxItems.ExecuteDeleteAsync();
        }

        var report = await client.GetFromJsonAsync<JsonElement>("/api/admin/reports/participation");

        Assert.Equal(4, report.GetProperty("total").GetProperty("residents").GetProperty("wrote").GetInt32());
        Assert.Equal(3, Month(report, "2026-10").GetProperty("residents").GetProperty("wrote").GetInt32());
    }

    [Fact]
    public async Task Dashboard_ShowsEachFigureBesideItsTarget_AndTheXlsxHasTheParticipationSheet()
    {
        await using var app = App();
        await SeedAsync(app);
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", AdminRole.WorkingGroup));
        using var reviewer = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "підгрупа", AdminRole.Reviewer, "sg-infrastructure"));

        var html = WebUtility.HtmlDecode(await secretary.GetHtmlAsync("/admin"));
        var bytes = await client.GetByteArrayAsync(new Uri("/api/admin/reports/interim.xlsx", UriKind.Relative));

        Assert.Contains("Участь (показники ІТ-стратегії)", html, StringComparison.Ordinal);
        Assert.Matches(@"data-kpi=""electronicShare"">\s*<strong>66,7 %</strong>[\s\S]*?ціль: 50 % — досягнуто", html);
        Assert.Matches(@"data-kpi=""activeUsers"">\s*<strong>4</strong>[\s\S]*?ціль: 3 — досягнуто", html);
        Assert.Matches(@"data-kpi=""reach"">\s*<strong>2</strong>[\s\S]*?ціль: 3.000–5.000 — не досягнуто", html);
        Assert.DoesNotContain("Участь (показники", WebUtility.HtmlDecode(await reviewer.GetHtmlAsync("/admin")), StringComparison.Ordinal);

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var sheet = ReportsApiTests.Sheets(workbook)["Участь"];
        Assert.Equal(["Показник", "2026-10", "2026-11", "Разом"], sheet[0]);
        Assert.Equal(["Пропозицій надійшло", "2", "4", "6"], sheet.Single(r => r.Count > 0 && r[0] == "Пропозицій надійшло"));
        Assert.Equal(["Частка електронних, %", "50", "75", "66,7"], sheet.Single(r => r.Count > 0 && r[0] == "Частка електронних, %"));
        Assert.Equal(["Мешканців писали боту", "3", "2", "4"], sheet.Single(r => r.Count > 0 && r[0] == "Мешканців писали боту"));
        Assert.Contains(sheet, r => r is ["Охоплення новин (підписники, яким доставлено оголошення)", "2", "3000–5000", "ні"]);
    }

    [Fact]
    public async Task Participation_IsForTheWorkingGroup_AndAnUnknownConsultationIs404()
    {
        await using var app = App();
        using var group = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        using var reviewer = await AdminClient.ForRoleAsync(app, AdminRole.Reviewer, "sg-infrastructure");

        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync(new Uri("/api/admin/reports/participation", UriKind.Relative))).StatusCode);
        var missing = await group.GetAsync(new Uri("/api/admin/reports/participation?consultation=99", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("99", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bad = await group.GetAsync(new Uri("/api/admin/reports/participation?consultation=x", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("consultation", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
