using System.Net;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Messenger;
using Hromada.Bot.Tests.Telegram;
using Hromada.Core.Access;
using Hromada.Core.Outbox;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;
using static Hromada.Bot.Tests.Announcements.AnnouncementsHost;

namespace Hromada.Bot.Tests.Announcements;

/// <summary>
/// With <c>Hromada:Announcements:CardWithPosts</c> the announcement's card goes with the Facebook Page post (a photo post)
/// and the Telegram channel post (sendPhoto, the text as its caption). The real host and its senders against the fake
/// Graph API and the fake Bot API on 127.0.0.1, which fetch the card from the host as Facebook and Telegram would.
/// </summary>
public sealed class AnnouncementCardPostsTests
{
    private const string PublicBase = "https://zelenodil.example.org";
    private const long ChannelId = -1001234567890;

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Hromada:Announcements:Notices:ConsultationOpened:Enabled"] = "false",
        ["Hromada:Announcements:Notices:DeadlineReminder:Enabled"] = "false",
        ["Hromada:Announcements:Notices:ConsultationClosed:Enabled"] = "false",
        ["Hromada:Announcements:CardWithPosts"] = "true",
        ["Hromada:Community:PublicBaseUrl"] = PublicBase,
        ["Hromada:Pipeline:PollInterval"] = "00:00:00.200",
    };

    // Three paragraphs: the first two fit a caption (1,024 characters), the third follows as a message.
    private static readonly string First = "Запрошуємо на громадські слухання щодо програми відновлення & розвитку <Зеленодільської> громади. "
        + string.Concat(Enumerable.Repeat("Обговоримо пропозиції мешканців, що надійшли до робочої групи. ", 8));
    private static readonly string Second = string.Concat(Enumerable.Repeat("Слухання відбудуться у четвер о 17:00 у будинку культури. ", 5));
    private static readonly string Third = string.Concat(Enumerable.Repeat("Хто не зможе прийти, може написати в чат-бот або в ЦНАП. ", 15));
    private static readonly string LongText = $"{First.TrimEnd()}\n\n{Second.TrimEnd()}\n\n{Third.TrimEnd()}";

    [Fact]
    public async Task TelegramChannelPost_WithTheCard_IsAPhotoCaptionedWithWhatFits_AndTheRestFollowsAsAMessage()
    {
        Assert.InRange(First.TrimEnd().Length + Second.TrimEnd().Length + 2, 800, 1024);
        Assert.True(LongText.Length > 1024 + 200);
        await using var host = await TelegramHost.StartAsync(webhook: true, settings: TelegramSettings());
        using var site = host.Factory.CreateClient();
        host.Api.FetchPhoto = url => FetchFromHost(site, url);
        using var client = await CommunicationsAsync(host.Factory);

        var (id, publicId) = await ScheduleAsync(host.Factory, client, "TelegramChannel", "Громадські слухання", LongText);
        var row = await DriveUntilDoneAsync(host.Factory, id);

        Assert.Equal(OutboxStatus.Sent, row.Status);
        var photo = Assert.Single(host.Api.CallsOf("sendPhoto"));
        Assert.False(photo.Failed);
        Assert.Equal(ChannelId, photo.Body["chat_id"]!.GetValue<long>());
        Assert.Equal($"{PublicBase}/announcements/{publicId}/card.jpg", photo.Body["photo"]!.GetValue<string>());
        // Telegram.Bot writes "Html"; the Bot API reads parse_mode without regard to case.
        Assert.Equal("html", photo.Body["parse_mode"]!.GetValue<string>(), ignoreCase: true);
        var caption = WebUtility.HtmlDecode(photo.Body["caption"]!.GetValue<string>());
        Assert.Equal($"{First.TrimEnd()}\n\n{Second.TrimEnd()}", caption);
        Assert.Contains("&amp; розвитку &lt;Зеленодільської&gt;", photo.Body["caption"]!.GetValue<string>(), StringComparison.Ordinal);
        var rest = Assert.Single(host.Api.SentTo(ChannelId));
        Assert.Equal(Third.TrimEnd(), WebUtility.HtmlDecode(rest.Body["text"]!.GetValue<string>()));
        Assert.True(host.Api.Calls.ToList().FindIndex(c => c.Method == "sendPhoto") < host.Api.Calls.ToList().FindIndex(c => c.Method == "sendMessage"),
            "the picture comes first, the rest of the text after it");
        AssertIsTheCard(host.Api.FetchedPhotos[photo.Body["photo"]!.GetValue<string>()]);
    }

    [Fact]
    public async Task TelegramChannelPost_WhenTelegramCannotFetchTheCard_GoesAsTextAlone()
    {
        await using var host = await TelegramHost.StartAsync(webhook: true, settings: TelegramSettings());
        host.Api.FetchPhoto = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        using var client = await CommunicationsAsync(host.Factory);
        const string text = "Нарада робочої групи переноситься на четвер, 17:00.";

        var (id, _) = await ScheduleAsync(host.Factory, client, "TelegramChannel", "Нарада", text);
        var row = await DriveUntilDoneAsync(host.Factory, id);

        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.True(Assert.Single(host.Api.CallsOf("sendPhoto")).Failed);
        Assert.Equal(text, WebUtility.HtmlDecode(Assert.Single(host.Api.SentTo(ChannelId)).Body["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task FacebookPagePost_WithTheCard_IsOnePhotoPostWithTheCardsUrlAndTheText()
    {
        await using var host = await MessengerHost.StartAsync(settings: PageSettings());
        using var site = host.Factory.CreateClient();
        host.Graph.FetchImage = url => FetchFromHost(site, url);
        using var client = await CommunicationsAsync(host.Factory);

        var (id, publicId) = await ScheduleAsync(host.Factory, client, "FacebookPage", "Громадські слухання", LongText);
        var row = await DriveUntilDoneAsync(host.Factory, id);

        Assert.Equal(OutboxStatus.Sent, row.Status);
        var post = Assert.Single(host.Graph.Posts);
        Assert.Equal("photos", post.Edge);
        Assert.Equal(MessengerPayloads.PageId, post.PageId);
        Assert.Equal($"{PublicBase}/announcements/{publicId}/card.jpg", post.Url);
        Assert.Equal(LongText, post.Message);
        AssertIsTheCard(host.Graph.FetchedImages[post.Url!]);
    }

    [Fact]
    public async Task FacebookPagePost_WhenFacebookCannotFetchTheCard_IsPostedToTheFeedAsText()
    {
        await using var host = await MessengerHost.StartAsync(settings: PageSettings());
        host.Graph.FetchImage = _ => Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        using var client = await CommunicationsAsync(host.Factory);
        const string text = "Прийом пропозицій триває до 20 листопада.";

        var (id, _) = await ScheduleAsync(host.Factory, client, "FacebookPage", null, text);
        var row = await DriveUntilDoneAsync(host.Factory, id);

        Assert.Equal(OutboxStatus.Sent, row.Status);
        var post = Assert.Single(host.Graph.Posts);
        Assert.Equal("feed", post.Edge);
        Assert.Equal(text, post.Message);
        Assert.Null(post.Url);
    }

    [Fact]
    public async Task FacebookPagePost_WhoseHeadlineDoesNotFitTheCard_GoesAsText_InsteadOfBeingRefused()
    {
        await using var host = await MessengerHost.StartAsync(settings: PageSettings());
        using var site = host.Factory.CreateClient();
        host.Graph.FetchImage = url => FetchFromHost(site, url);
        using var client = await CommunicationsAsync(host.Factory);
        // No title, and a first line far too long for the card's headline (Instagram would refuse it at scheduling).
        var text = string.Join(' ', Enumerable.Repeat("Дуже довгий перший рядок без назви,", 40)) + "\n\nДеталі на сайті громади.";

        var (id, _) = await ScheduleAsync(host.Factory, client, "FacebookPage", null, text);
        var row = await DriveUntilDoneAsync(host.Factory, id);

        Assert.Equal(OutboxStatus.Sent, row.Status);
        var post = Assert.Single(host.Graph.Posts);
        Assert.Equal(("feed", text, (string?)null), (post.Edge, post.Message, post.Url));
        Assert.Empty(host.Graph.FetchedImages);
    }

    [Fact]
    public async Task FacebookPagePost_WithoutCardWithPosts_IsATextPostOnTheFeed()
    {
        var settings = PageSettings();
        settings["Hromada:Announcements:CardWithPosts"] = "false";
        await using var host = await MessengerHost.StartAsync(settings: settings);
        using var client = await CommunicationsAsync(host.Factory);

        var (id, publicId) = await ScheduleAsync(host.Factory, client, "FacebookPage", "Громадські слухання", "Запрошуємо на слухання у четвер.");
        var row = await DriveUntilDoneAsync(host.Factory, id);
        using var anonymous = host.Factory.CreateClient();
        using var card = await anonymous.GetAsync($"/announcements/{publicId}/card.jpg");

        Assert.Equal(OutboxStatus.Sent, row.Status);
        var post = Assert.Single(host.Graph.Posts);
        Assert.Equal(("feed", "Запрошуємо на слухання у четвер.", (string?)null), (post.Edge, post.Message, post.Url));
        // No post carries the card, so it is not public either.
        Assert.Equal(HttpStatusCode.NotFound, card.StatusCode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TheAnnouncementsPage_SaysTheCardGoesWithTheFacebookPost_OnlyWhenCardWithPostsIsOn(bool cardWithPosts)
    {
        var settings = PageSettings();
        settings["Hromada:Announcements:CardWithPosts"] = cardWithPosts ? "true" : "false";
        await using var host = await MessengerHost.StartAsync(settings: settings);
        using var client = await CommunicationsAsync(host.Factory);
        var created = await CreateAsync(client, new
        {
            title = "Громадські слухання",
            text = "Запрошуємо на слухання у четвер.",
            targets = new[] { "FacebookPage", "Feed" },
            sendAt = "2026-11-03T11:00:00+02:00",
        });
        var id = created.GetProperty("id").GetInt64();
        var key = await AdminWebSeed.KeyAsync(host.Factory, "пресслужба", AdminRole.Communications);
        using var officer = await WebSessionClient.SignInAsync(host.Factory, key);

        var html = await officer.GetHtmlAsync($"/admin/announcements/{id}");

        Assert.Contains("Завантажити картку", html, StringComparison.Ordinal);
        if (cardWithPosts)
        {
            var line = System.Text.RegularExpressions.Regex.Match(html, "<p class=\"hint\" id=\"card-also-with\">([^<]*)</p>");
            Assert.True(line.Success, "the card's section names the posts the card goes with");
            var said = WebUtility.HtmlDecode(line.Groups[1].Value);
            Assert.Contains("сторінка громади у Facebook", said, StringComparison.Ordinal);
            Assert.DoesNotContain("Atom", said, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("card-also-with", html, StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string?> TelegramSettings() =>
        new(Settings) { ["Hromada:Announcements:TelegramChannel"] = ChannelId.ToString(System.Globalization.CultureInfo.InvariantCulture) };

    private static Dictionary<string, string?> PageSettings() => new(Settings) { ["Hromada:Announcements:FacebookPageFeed"] = "true" };

    /// <summary>Facebook and Telegram fetch the picture's URL: the fakes ask the host for the path under PublicBaseUrl.</summary>
    private static Task<HttpResponseMessage> FetchFromHost(HttpClient site, string url) => url.StartsWith(PublicBase, StringComparison.Ordinal)
        ? site.GetAsync(new Uri(url).PathAndQuery)
        : Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));

    private static void AssertIsTheCard(byte[] jpeg)
    {
        using var codec = SKCodec.Create(new MemoryStream(jpeg));
        Assert.Equal(SKEncodedImageFormat.Jpeg, codec.EncodedFormat);
        Assert.Equal((1080, 1080), (codec.Info.Width, codec.Info.Height));
    }

    private static async Task<(long Id, Guid PublicId)> ScheduleAsync(HromadaAppFactory app, HttpClient client, string target, string? title, string text)
    {
        var created = await CreateAsync(client, new { title, text, targets = new[] { target }, sendAt = "2026-11-02T11:01:00+02:00" });
        var id = created.GetProperty("id").GetInt64();
        app.Time.Advance(TimeSpan.FromMinutes(1));
        return (id, await DbAsync(app, db => db.Announcements.Where(a => a.Id == id).Select(a => a.PublicId).SingleAsync()));
    }

    /// <summary>Moves the host's fake clock a second at a time until the post's outbox row is answered.</summary>
    private static async Task<OutboxMessage> DriveUntilDoneAsync(HromadaAppFactory app, long announcementId)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            var row = await DbAsync(app, db => db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.AnnouncementId == announcementId));
            if (row is { Status: not OutboxStatus.Pending })
            {
                return row;
            }
            Assert.False(cts.IsCancellationRequested, $"Gave up waiting for announcement {announcementId}'s post");
            app.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
