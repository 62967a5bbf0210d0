using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Announcements;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static Hromada.Bot.Tests.Announcements.AnnouncementsHost;

namespace Hromada.Bot.Tests.Instagram;

/// <summary>
/// Announcements to Instagram through the real host and its sender against a fake Graph API on 127.0.0.1 that fetches
/// the card from the host as Instagram would. The host runs on the test's fake clock, moved a second at a time.
/// </summary>
public sealed class InstagramPublishingTests
{
    private const string UserId = "17841400000000001";
    private const string PublicBase = "https://zelenodil.example.org";

    private static async Task<(HromadaAppFactory App, FakeInstagramGraphApi Graph, HttpClient Client)> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var graph = await FakeInstagramGraphApi.StartAsync();
        var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?>
        {
            ["Hromada:Instagram:AccessToken"] = FakeInstagramGraphApi.Token,
            ["Hromada:Instagram:UserId"] = UserId,
            ["Hromada:Instagram:GraphApiBaseUrl"] = graph.BaseUrl,
            ["Hromada:Instagram:GraphApiVersion"] = FakeInstagramGraphApi.Version,
            ["Hromada:Instagram:StatusCheckInterval"] = "00:00:00",
            ["Hromada:Instagram:ThrottleWait"] = "00:00:05",
            ["Hromada:Community:PublicBaseUrl"] = PublicBase,
            ["Hromada:Announcements:Notices:ConsultationOpened:Enabled"] = "false",
            ["Hromada:Announcements:Notices:DeadlineReminder:Enabled"] = "false",
            ["Hromada:Announcements:Notices:ConsultationClosed:Enabled"] = "false",
            ["Hromada:Pipeline:PollInterval"] = "00:00:00.200",
        });
        if (extra is not null)
        {
            app.WithSettings(extra);
        }
        var site = app.CreateClient();
        // Instagram cURLs the image_url: the fake asks the host for the card at the path under PublicBaseUrl.
        graph.FetchImage = url => url.StartsWith(PublicBase, StringComparison.Ordinal)
            ? site.GetAsync(new Uri(url).PathAndQuery)
            : Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        return (app, graph, await CommunicationsAsync(app));
    }

    private static async Task<(long Id, Guid PublicId)> ScheduleAsync(HromadaAppFactory app, HttpClient client, string? title, string text)
    {
        var created = await CreateAsync(client, new { title, text, targets = new[] { "Instagram" }, sendAt = "2026-11-02T11:01:00+02:00" });
        var id = created.GetProperty("id").GetInt64();
        return (id, await DbAsync(app, db => db.Announcements.Where(a => a.Id == id).Select(a => a.PublicId).SingleAsync()));
    }

    private static async Task<OutboxMessage> DriveUntilDoneAsync(HromadaAppFactory app, long announcementId, string what)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            var row = await DbAsync(app, db => db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.AnnouncementId == announcementId));
            if (row is { Status: not OutboxStatus.Pending })
            {
                return row;
            }
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Gave up waiting: {what}");
            }
            app.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Announcement_ToInstagram_MakesOneContainerAndOnePublish_WithTheCardsUrlAndTheTextAsCaption()
    {
        var (app, graph, client) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        const string text = "Громада збирає пропозиції до програми відновлення до 20 листопада.\n\nПишіть у чат-бот або приходьте до ЦНАП. #Зеленодільська_громада";
        var (id, publicId) = await ScheduleAsync(app, client, "Збираємо пропозиції: обʼєднаймося!", text);

        app.Time.Advance(TimeSpan.FromMinutes(1));
        var row = await DriveUntilDoneAsync(app, id, "the Instagram post");

        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(Channel.Instagram, row.Channel);
        Assert.True(row.IsPublicPost);
        Assert.Equal(UserId, row.Recipient);
        var container = Assert.Single(graph.Containers);
        Assert.Equal($"{PublicBase}/announcements/{publicId}/card.jpg", container.ImageUrl);
        Assert.Equal(text, container.Caption);
        Assert.Equal(UserId, container.UserId);
        var publish = Assert.Single(graph.Publishes);
        Assert.Equal(container.Id, publish.ContainerId);

        // What Instagram fetched is the card: a 1080 × 1080 JPEG.
        using var codec = SKCodec.Create(new MemoryStream(container.Image!));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.Equal((1080, 1080), (codec.Info.Width, codec.Info.Height));

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}/report");
        var target = report.GetProperty("targets").EnumerateArray().Single();
        Assert.Equal("Instagram", target.GetProperty("target").GetString());
        Assert.Equal(UserId, target.GetProperty("recipient").GetString());
        Assert.Equal(1, target.GetProperty("counts").GetProperty("sent").GetInt32());
    }

    [Fact]
    public async Task Card_IsNotPublicBeforeTheAnnouncementGoes_ButTheOfficerCanPreviewAndDownloadIt()
    {
        var (app, graph, client) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        var (id, publicId) = await ScheduleAsync(app, client, "Громадські слухання", "Запрошуємо на слухання 25 листопада о 17:00 у будинку культури.");
        using var anonymous = app.CreateClient();

        using var early = await anonymous.GetAsync($"/announcements/{publicId}/card.jpg");
        using var preview = await client.GetAsync($"/api/admin/announcements/{id}/card.jpg");
        using var mangled = await anonymous.GetAsync("/announcements/not-a-guid/card.jpg");

        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, mangled.StatusCode);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("image/jpeg", preview.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"announcement-{id}-card.jpg", preview.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var bitmap = SKBitmap.Decode(await preview.Content.ReadAsByteArrayAsync());
        Assert.Equal((1080, 1080), (bitmap.Width, bitmap.Height));
        Assert.Empty(graph.Containers);
    }

    [Fact]
    public async Task ContainerThatNeverGetsReady_IsReadABoundedNumberOfTimes_ThenReportedFailedWithTheReason()
    {
        var (app, graph, client) = await StartAsync(new Dictionary<string, string?>
        {
            ["Hromada:Instagram:StatusChecks"] = "3",
            ["Hromada:Pipeline:MaxSendAttempts"] = "1",
            ["Hromada:Pipeline:SendRetryPeriod"] = "00:00:00",
        });
        await using var _ = app;
        await using var __ = graph;
        graph.ReadsUntilReady = -1;
        var (id, _) = await ScheduleAsync(app, client, "Нарада", "Нарада робочої групи переноситься на четвер.");

        app.Time.Advance(TimeSpan.FromMinutes(1));
        var row = await DriveUntilDoneAsync(app, id, "the post given up");

        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Contains("not ready after 3 status checks (last: IN_PROGRESS)", row.LastError, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(graph.Containers).StatusReads);
        Assert.Empty(graph.Publishes);
        var report = await client.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}/report");
        var failure = report.GetProperty("failures").EnumerateArray().Single();
        Assert.Equal("Instagram", failure.GetProperty("target").GetString());
        Assert.Contains("not ready", failure.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingLimitReached_WaitsAndPublishesLater_Once()
    {
        var (app, graph, client) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;
        graph.FailNext("media_publish", 400, 9, 2207042, "You have reached the maximum number of posts that is allowed for this account in 24 hours.");
        var (id, _) = await ScheduleAsync(app, client, null, "Прийом громадян у четвер скасовано.");

        app.Time.Advance(TimeSpan.FromMinutes(1));
        var row = await DriveUntilDoneAsync(app, id, "the post after the wait");

        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Single(graph.Publishes);
        Assert.Equal(2, graph.Containers.Count);
    }

    [Fact]
    public async Task CaptionOverInstagramsLimits_IsRefusedAtScheduling_WithTheFieldNamed()
    {
        var (app, graph, client) = await StartAsync();
        await using var _ = app;
        await using var __ = graph;

        var tooLong = await client.PostAsJsonAsync("/api/admin/announcements",
            new { title = "Звіт", text = new string('ї', 2201), targets = new[] { "Instagram" }, sendAt = "2026-11-02T11:01:00+02:00" });
        var hashtags = await client.PostAsJsonAsync("/api/admin/announcements",
            new { title = "Звіт", text = string.Join(' ', Enumerable.Range(1, 31).Select(i => $"#тег{i}")), targets = new[] { "Instagram" }, sendAt = "2026-11-02T11:01:00+02:00" });
        var headline = await client.PostAsJsonAsync("/api/admin/announcements",
            new { text = string.Join(' ', Enumerable.Repeat("Дуже довгий перший рядок без назви,", 40)), targets = new[] { "Instagram" }, sendAt = "2026-11-02T11:01:00+02:00" });

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Instagram allows at most 2200", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var hashtagErrors = (await hashtags.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("31 hashtags", hashtagErrors.GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        var headlineErrors = (await headline.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("card", headlineErrors.GetProperty("text")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(app, db => db.Announcements.CountAsync(a => a.Kind == AnnouncementKind.Manual)));
    }
}
