using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Telegram;
using Hromada.Core.Announcements;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using static Hromada.Bot.Tests.Announcements.AnnouncementsHost;

namespace Hromada.Bot.Tests.Announcements;

/// <summary>The test clock starts on Monday 2 November 2026, 09:00 UTC (11:00 in Kyiv).</summary>
public sealed class AnnouncementsApiTests
{
    [DatabaseTheory, OnEachDatabase]
    public async Task Create_ByRule_ReturnsTheResolvedLocalSendTime_SkippingTheWeekendAndAListedDayOff(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database).WithSettings(new Dictionary<string, string?> { ["Hromada:Calendar:DaysOff:0"] = "2026-11-10" });
        using var client = await CommunicationsAsync(app);

        var created = await CreateAsync(client, new
        {
            title = "Рішення засідання робочої групи",
            text = "Протокол засідання робочої групи оприлюднено на сайті громади.",
            targets = new[] { "Feed", "WebChatSubscribers" },
            rule = new { workingDays = 3, after = "2026-11-06", at = "10:00" },
        });

        // Friday 6th + 3 working days: Monday 9th, (Tuesday 10th is off), Wednesday 11th, Thursday 12th.
        Assert.Equal("2026-11-12T10:00:00+02:00", created.GetProperty("sendAt").GetString());
        Assert.Equal("Scheduled", created.GetProperty("status").GetString());
        Assert.Equal(3, created.GetProperty("rule").GetProperty("workingDays").GetInt32());
        var list = await client.GetFromJsonAsync<JsonElement>("/api/admin/announcements?kind=Manual");
        var listed = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal("2026-11-12T10:00:00+02:00", listed.GetProperty("sendAt").GetString());
    }

    [Theory]
    [InlineData("sendAt", """{"text":"Текст","targets":["Feed"],"sendAt":"2026-11-01T10:00:00+02:00"}""")]
    [InlineData("text", """{"text":"   ","targets":["Feed"],"sendAt":"2026-11-20T10:00:00+02:00"}""")]
    [InlineData("targets", """{"text":"Текст","targets":[],"sendAt":"2026-11-20T10:00:00+02:00"}""")]
    [InlineData("targets[1]", """{"text":"Текст","targets":["Feed","Viber"],"sendAt":"2026-11-20T10:00:00+02:00"}""")]
    [InlineData("targets[0]", """{"text":"Текст","targets":["TelegramChannel"],"sendAt":"2026-11-20T10:00:00+02:00"}""")]
    [InlineData("targets[0]", """{"text":"Текст","targets":["MessengerSubscribers"],"sendAt":"2026-11-20T10:00:00+02:00"}""")]
    [InlineData("rule.workingDays", """{"text":"Текст","targets":["Feed"],"rule":{"workingDays":-2,"after":"2026-11-20"}}""")]
    [InlineData("rule.at", """{"text":"Текст","targets":["Feed"],"rule":{"workingDays":2,"after":"2026-11-20","at":"25:61"}}""")]
    [InlineData("rule", """{"text":"Текст","targets":["Feed"],"rule":{"workingDays":1,"before":"2026-11-02"}}""")]
    [InlineData("sendAt", """{"text":"Текст","targets":["Feed"]}""")]
    public async Task BadInput_Returns400NamingTheField(string field, string body)
    {
        await using var app = new HromadaAppFactory();
        using var client = await CommunicationsAsync(app);

        var response = await client.PostAsync(new Uri("/api/admin/announcements", UriKind.Relative),
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal("The announcement is not valid", problem!.Title);
        Assert.Contains(field, problem.Errors.Keys);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task TextOverTelegramsLimit_Returns400NamingTheTargetAndTheLimit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var telegram = await TelegramHost.StartAsync(database: database);
        using var client = await CommunicationsAsync(telegram.Factory);

        var response = await client.PostAsJsonAsync("/api/admin/announcements", new
        {
            text = new string('а', 4097),
            targets = new[] { "TelegramSubscribers", "Feed" },
            sendAt = "2026-11-20T10:00:00+02:00",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal("The text is 4097 characters; TelegramSubscribers allows at most 4096.", Assert.Single(problem!.Errors["text"]));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task UnconfiguredChannel_IsRefusedNamingTheMissingSetting(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = await CommunicationsAsync(app);

        var response = await client.PostAsJsonAsync("/api/admin/announcements",
            new { text = "Текст", targets = new[] { "FacebookPage" }, sendAt = "2026-11-20T10:00:00+02:00" });

        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains("Hromada:Announcements:FacebookPageFeed", Assert.Single(problem!.Errors["targets[0]"]), StringComparison.Ordinal);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task EditAndCancel_WhileScheduled_Work_AndOnceSent_Return409(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = await CommunicationsAsync(app);
        await AddSubscribersAsync(app, Channel.WebChat, 2);
        var created = await CreateAsync(client, new { text = "Перша версія", targets = new[] { "WebChatSubscribers" }, sendAt = "2026-11-02T12:00:00+02:00" });
        var id = created.GetProperty("id").GetInt64();

        var edited = await client.PutAsJsonAsync($"/api/admin/announcements/{id}", new
        {
            text = "Друга версія",
            targets = new[] { "WebChatSubscribers", "Feed" },
            sendAt = "2026-11-02T13:00:00+02:00",
            version = created.GetProperty("version").GetInt32(),
        });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        app.Time.Advance(TimeSpan.FromHours(2)); // 13:00 in Kyiv
        await WaitForStatusAsync(client, id, "Sent");
        var late = await client.PutAsJsonAsync($"/api/admin/announcements/{id}",
            new { text = "Третя версія", targets = new[] { "Feed" }, sendAt = "2026-11-20T13:00:00+02:00" });
        var cancel = await client.PostAsync(new Uri($"/api/admin/announcements/{id}/cancel", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        var rows = await DbAsync(app, db => db.OutboxMessages.Where(m => m.AnnouncementId == id).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("Друга версія", Hromada.Core.Outbox.OutboxPayload.Read(r.Payload).Single().Text));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Edit_WithAStaleVersion_Returns409(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = await CommunicationsAsync(app);
        var created = await CreateAsync(client, new { text = "Текст", targets = new[] { "Feed" }, sendAt = "2026-11-20T10:00:00+02:00" });
        var id = created.GetProperty("id").GetInt64();
        var edit = new { text = "Нове", targets = new[] { "Feed" }, sendAt = "2026-11-20T10:00:00+02:00", version = created.GetProperty("version").GetInt32() };

        var first = await client.PutAsJsonAsync($"/api/admin/announcements/{id}", edit);
        var second = await client.PutAsJsonAsync($"/api/admin/announcements/{id}", edit);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Cancel_BeforeItsTime_RemovesTheTimer_AndNothingIsSent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = await CommunicationsAsync(app);
        await AddSubscribersAsync(app, Channel.WebChat, 1);
        var id = (await CreateAsync(client, new { text = "Скасуємо", targets = new[] { "WebChatSubscribers" }, sendAt = "2026-11-02T12:00:00+02:00" }))
            .GetProperty("id").GetInt64();

        var cancel = await client.PostAsync(new Uri($"/api/admin/announcements/{id}/cancel", UriKind.Relative), null);
        app.Time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("Cancelled", (await GetAsync(client, id)).GetProperty("status").GetString());
        Assert.False(await QuartzProbe.TimerExistsAsync(app, id));
        Assert.Equal(0, await DbAsync(app, db => db.OutboxMessages.CountAsync(m => m.AnnouncementId == id)));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task UnknownAnnouncement_Returns404(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = await CommunicationsAsync(app);

        var response = await client.GetAsync(new Uri("/api/admin/announcements/999/report", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No such announcement", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Targets_SayWhichCanBeUsedAndWhichSettingIsMissing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = await CommunicationsAsync(app);

        var targets = await client.GetFromJsonAsync<JsonElement>("/api/admin/announcements/targets");

        var byName = targets.EnumerateArray().ToDictionary(t => t.GetProperty("target").GetString()!);
        Assert.True(byName["Feed"].GetProperty("available").GetBoolean());
        Assert.True(byName["WebChatSubscribers"].GetProperty("available").GetBoolean());
        Assert.False(byName["TelegramSubscribers"].GetProperty("available").GetBoolean());
        Assert.Contains("Hromada:Telegram:Token", byName["TelegramSubscribers"].GetProperty("unavailable").GetString(), StringComparison.Ordinal);
        Assert.Equal(2000, byName["MessengerSubscribers"].GetProperty("maxLength").GetInt32());
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task OpenApiDocument_DescribesTheAnnouncementsApi(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = app.CreateClient();

        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths");
        foreach (var path in new[] { "/api/admin/announcements", "/api/admin/announcements/{id}", "/api/admin/announcements/{id}/cancel",
            "/api/admin/announcements/{id}/report", "/api/admin/announcements/targets", "/api/admin/subscribers" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
        var create = paths.GetProperty("/api/admin/announcements").GetProperty("post");
        Assert.Equal("CreateAnnouncement", create.GetProperty("operationId").GetString());
        Assert.True(create.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(doc.GetProperty("components").GetProperty("schemas").TryGetProperty("DeliveryReportDto", out _));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task AutomaticReminder_IsListedWithItsTemplateAndAPreviewOfWhatWillGoOut(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = await CommunicationsAsync(app);
        JsonElement reminder = default;

        await WaitUntilAsync(async () =>
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/api/admin/announcements?kind=DeadlineReminder");
            reminder = list.GetProperty("items").EnumerateArray().FirstOrDefault();
            return reminder.ValueKind == JsonValueKind.Object;
        }, "the deadline reminder planned at start");

        Assert.Equal("Scheduled", reminder.GetProperty("status").GetString());
        Assert.Equal("2026-11-27T10:00:00+02:00", reminder.GetProperty("sendAt").GetString());
        Assert.Contains("{deadline}", reminder.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("завершується 02.12.2026 23:59", reminder.GetProperty("preview").GetString(), StringComparison.Ordinal);
    }
}
