using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Announcements;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using static Hromada.Bot.Tests.Announcements.AnnouncementsHost;

namespace Hromada.Bot.Tests.Announcements;

public sealed class DeliveryReportTests
{
    [Fact]
    public async Task Report_CountsEachTargetByStatus_AndListsFailuresWithTheirReason()
    {
        await using var app = new HromadaAppFactory();
        using var client = await CommunicationsAsync(app);
        var web = await AddSubscribersAsync(app, Channel.WebChat, 3);
        await AddSubscribersAsync(app, Channel.WebChat, 1, subscribed: false);
        var id = (await CreateAsync(client, new { text = "Звіт про доставку", targets = new[] { "WebChatSubscribers", "Feed" }, sendAt = "2026-11-02T12:00:00+02:00" }))
            .GetProperty("id").GetInt64();
        app.Time.Advance(TimeSpan.FromHours(1));
        await WaitForStatusAsync(client, id, "Sent");
        // What a channel's sender does with a row: one delivered, one refused for good.
        await DbAsync(app, async db =>
        {
            var rows = await db.OutboxMessages.Where(m => m.AnnouncementId == id).OrderBy(m => m.ResidentId).ToListAsync();
            rows[0].Status = OutboxStatus.Sent;
            rows[1].Status = OutboxStatus.Failed;
            rows[1].Attempts = 5;
            rows[1].LastError = "Given up after 5 attempts: 502 Bad Gateway";
            return await db.SaveChangesAsync();
        });

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}/report");

        Assert.Equal("Звіт про доставку", report.GetProperty("sentText").GetString());
        // Three web chat rows and the feed's entry, published when the announcement went out.
        Assert.Equal(4, report.GetProperty("total").GetProperty("total").GetInt32());
        Assert.Equal(2, report.GetProperty("total").GetProperty("sent").GetInt32());
        var targets = report.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("target").GetString()!);
        var webChat = targets["WebChatSubscribers"];
        Assert.True(webChat.GetProperty("complete").GetBoolean());
        Assert.Equal(3, webChat.GetProperty("written").GetInt32());
        Assert.Equal(1, webChat.GetProperty("counts").GetProperty("sent").GetInt32());
        Assert.Equal(1, webChat.GetProperty("counts").GetProperty("failed").GetInt32());
        Assert.Equal(1, webChat.GetProperty("counts").GetProperty("held").GetInt32());
        Assert.True(targets["Feed"].GetProperty("complete").GetBoolean());
        Assert.Equal(1, targets["Feed"].GetProperty("written").GetInt32());
        Assert.Equal(1, targets["Feed"].GetProperty("counts").GetProperty("sent").GetInt32());
        var failure = Assert.Single(report.GetProperty("failures").EnumerateArray());
        Assert.Equal(web[1], failure.GetProperty("residentId").GetInt32());
        Assert.Equal("Given up after 5 attempts: 502 Bad Gateway", failure.GetProperty("error").GetString());
        Assert.Equal("WebChatSubscribers", failure.GetProperty("target").GetString());
    }

    [Fact]
    public async Task SkippedTarget_IsExplainedInUkrainianOnThePage_AndInTheRequestsLanguageByTheApi()
    {
        await using var app = new HromadaAppFactory();
        using var client = await CommunicationsAsync(app);
        var id = (await CreateAsync(client, new { text = "Оголошення, яке не дійде в Telegram", targets = new[] { "Feed" }, sendAt = "2026-11-02T12:00:00+02:00" }))
            .GetProperty("id").GetInt64();
        // Chosen while Telegram was on; its token has been emptied since (this host has no Telegram token).
        await DbAsync(app, async db =>
        {
            db.AnnouncementTargets.Add(new AnnouncementTargetProgress { AnnouncementId = id, Target = AnnouncementTarget.TelegramSubscribers });
            return await db.SaveChangesAsync();
        });
        app.Time.Advance(TimeSpan.FromHours(1));
        await WaitForStatusAsync(client, id, "Sent");

        using var officer = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "пресслужба", AdminRole.Communications));
        officer.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB");
        var page = WebSessionClient.Text(await officer.GetHtmlAsync($"/admin/announcements/{id}"));
        using var ukrainianApi = AdminClient.WithKey(app, HromadaAppFactory.TestAdminKey);
        ukrainianApi.DefaultRequestHeaders.AcceptLanguage.Clear();
        var english = await client.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}/report");
        var ukrainian = await ukrainianApi.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}/report");

        Assert.Contains("не надіслано: Telegram вимкнено (Hromada:Telegram:Token не задано).", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Telegram is off", page, StringComparison.Ordinal);
        Assert.Equal("Telegram is off (Hromada:Telegram:Token is empty).", SkippedReason(english, "TelegramSubscribers"));
        Assert.Equal("Telegram вимкнено (Hromada:Telegram:Token не задано).", SkippedReason(ukrainian, "TelegramSubscribers"));
        Assert.Equal(JsonValueKind.Null, english.GetProperty("targets").EnumerateArray()
            .Single(t => t.GetProperty("target").GetString() == "Feed").GetProperty("skippedReason").ValueKind);
        Assert.False(english.GetProperty("targets")[0].TryGetProperty("skippedReasonUkrainian", out _));
    }

    private static string? SkippedReason(JsonElement report, string target) => report.GetProperty("targets").EnumerateArray()
        .Single(t => t.GetProperty("target").GetString() == target).GetProperty("skippedReason").GetString();

    [Fact]
    public async Task Subscribers_AreCountedByChannel_WithMessengersWindow()
    {
        await using var app = new HromadaAppFactory();
        using var client = await CommunicationsAsync(app);
        var now = app.Time.GetUtcNow();
        await AddSubscribersAsync(app, Channel.Telegram, 4);
        await AddSubscribersAsync(app, Channel.Telegram, 2, subscribed: false, blocked: true);
        await AddSubscribersAsync(app, Channel.Messenger, 2, lastInboundAt: now.AddHours(-1));
        await AddSubscribersAsync(app, Channel.Messenger, 3, lastInboundAt: now.AddDays(-2));
        await AddSubscribersAsync(app, Channel.WebChat, 1);
        await AddSubscribersAsync(app, Channel.WebChat, 5, subscribed: false);

        var counts = await client.GetFromJsonAsync<JsonElement>("/api/admin/subscribers");

        Assert.Equal(10, counts.GetProperty("total").GetInt32());
        var byChannel = counts.GetProperty("channels").EnumerateArray().ToDictionary(c => c.GetProperty("channel").GetString()!);
        Assert.Equal(4, byChannel["Telegram"].GetProperty("subscribed").GetInt32());
        Assert.Equal(2, byChannel["Telegram"].GetProperty("blocked").GetInt32());
        Assert.Equal(5, byChannel["Messenger"].GetProperty("subscribed").GetInt32());
        Assert.Equal(2, byChannel["Messenger"].GetProperty("insideWindow").GetInt32());
        Assert.Equal(3, byChannel["Messenger"].GetProperty("outsideWindow").GetInt32());
        Assert.Equal(1, byChannel["WebChat"].GetProperty("subscribed").GetInt32());
    }

    [Theory]
    [InlineData("GET", "/api/admin/announcements", AdminRole.Communications, HttpStatusCode.OK)]
    [InlineData("GET", "/api/admin/announcements", AdminRole.Admin, HttpStatusCode.OK)]
    [InlineData("GET", "/api/admin/announcements", AdminRole.WorkingGroup, HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/admin/announcements", AdminRole.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData("POST", "/api/admin/announcements", AdminRole.Communications, HttpStatusCode.Created)]
    [InlineData("POST", "/api/admin/announcements", AdminRole.WorkingGroup, HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/admin/subscribers", AdminRole.Communications, HttpStatusCode.OK)]
    [InlineData("GET", "/api/admin/subscribers", AdminRole.Reviewer, HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/admin/proposals", AdminRole.Communications, HttpStatusCode.Forbidden)]
    [InlineData("GET", "/api/admin/exports/proposals.csv", AdminRole.Communications, HttpStatusCode.Forbidden)]
    public async Task Role_GetsWhatItMay(string method, string path, AdminRole role, HttpStatusCode expected)
    {
        await using var app = new HromadaAppFactory();
        using var client = role == AdminRole.Admin
            ? AdminClient.ForAdmin(app)
            : await AdminClient.ForRoleAsync(app, role, role == AdminRole.Reviewer ? "sg-infrastructure" : null);
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = JsonContent.Create(new { text = "Текст", targets = new[] { "Feed" }, sendAt = "2026-11-20T10:00:00+02:00" });
        }

        var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }
}
