using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Email;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Telegram;
using Hromada.Core.Announcements;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hromada.Bot.Tests.Telegram.ClockDriving;

namespace Hromada.Bot.Tests.Letters;

/// <summary>
/// Letters to a group the server finds — the authors of a category (by e-mail, through the fake SMTP server) or the
/// subscribers of a settlement (in their chat, through the fake Bot API) — sent as announcements at once.
/// </summary>
public sealed class LetterGroupTests
{
    private const string Subject = "Запрошуємо субʼєктів господарювання до консультацій";
    private const string Body = "Шановні підприємці!\n\nДо 2 грудня збираємо пропозиції до Програми відновлення. Будемо раді вашій участі.";

    private static readonly Dictionary<string, string?> NoAutomaticNotices = new()
    {
        ["Hromada:Announcements:Notices:ConsultationOpened:Enabled"] = "false",
        ["Hromada:Announcements:Notices:DeadlineReminder:Enabled"] = "false",
        ["Hromada:Announcements:Notices:ConsultationClosed:Enabled"] = "false",
    };

    [Fact]
    public async Task ALetterToAllBusinesses_ReachesEachAddressOnce_ThroughTheAnnouncement_AndNoOtherAuthor()
    {
        await using var host = await EmailHost.StartAsync(NoAutomaticNotices);
        await SubmitAsync(host.Factory, "business", "kava@zabirria.example.com");
        await SubmitAsync(host.Factory, "business", "Kava@Zabirria.Example.com"); // the same address, typed again
        await SubmitAsync(host.Factory, "business", "apteka@example.com");
        await SubmitAsync(host.Factory, "business", null);
        var erased = await SubmitAsync(host.Factory, "business", "erased@example.com");
        await SubmitAsync(host.Factory, "person", "person@example.com");
        await host.DbAsync(async db =>
        {
            (await db.Proposals.SingleAsync(p => p.Id == erased.Id)).Anonymise(host.Factory.Time.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        using var admin = AdminClient.ForAdmin(host.Factory);
        var letter = new { subject = Subject, body = Body, authorCategory = "business" };

        var preview = await admin.PostAsJsonAsync("/api/admin/letters/preview", letter);
        var previewText = await preview.Content.ReadAsStringAsync();
        var sent = await admin.PostAsJsonAsync("/api/admin/letters", letter);
        var result = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var key = result.GetProperty("letter").GetString();
        await host.MailsAsync("kava@zabirria.example.com", 1);
        await host.MailsAsync("apteka@example.com", 1);
        var report = await Eventually.GetAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/admin/letters/{key}").GetAwaiter().GetResult(),
            r => r.GetProperty("delivered").GetInt32() == 2, "the letter's delivery settled");
        var id = result.GetProperty("announcementId").GetInt64();
        var announcementReport = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}/report");
        var announcement = await host.DbAsync(db => db.Announcements.AsNoTracking().Include(a => a.Targets).SingleAsync(a => a.Id == id));
        var business = await host.DbAsync(db => db.AuthorCategories.SingleAsync(c => c.Code == "business"));

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var previewed = JsonDocument.Parse(previewText).RootElement;
        Assert.Equal(2, previewed.GetProperty("count").GetInt32());
        Assert.Empty(previewed.GetProperty("recipients").EnumerateArray());
        Assert.Equal("authors:business", previewed.GetProperty("group").GetString());
        Assert.DoesNotContain("@", previewText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(2, result.GetProperty("recipients").GetInt32());
        var letters = host.Smtp.Received.Where(m => m.Message.Subject == Subject).ToList();
        Assert.Equal(2, letters.Count);
        Assert.All(letters, m => Assert.Single(m.To));
        Assert.Equal(["apteka@example.com", "kava@zabirria.example.com"],
            letters.Select(m => m.To.Single().ToLowerInvariant()).Order(StringComparer.Ordinal));
        Assert.All(letters, m => Assert.Contains("Будемо раді вашій участі.", m.Message.TextBody, StringComparison.Ordinal));
        Assert.Empty(host.Smtp.To("person@example.com"));
        Assert.Empty(host.Smtp.To("erased@example.com"));
        Assert.Equal(AnnouncementKind.Manual, announcement.Kind);
        Assert.Equal(AnnouncementStatus.Sent, announcement.Status);
        Assert.Equal(Subject, announcement.Title);
        Assert.Equal(business.Id, announcement.AuthorCategoryId);
        Assert.Equal(AnnouncementTarget.AuthorEmails, Assert.Single(announcement.Targets).Target);
        var target = Assert.Single(announcementReport.GetProperty("targets").EnumerateArray());
        Assert.Equal("AuthorEmails", target.GetProperty("target").GetString());
        Assert.Equal(2, target.GetProperty("counts").GetProperty("total").GetInt32());
        Assert.Equal((2, 2, 0, 0, 0), (report.GetProperty("recipients").GetInt32(), report.GetProperty("delivered").GetInt32(),
            report.GetProperty("waiting").GetInt32(), report.GetProperty("notDelivered").GetInt32(), report.GetProperty("noLongerKnown").GetInt32()));
        Assert.Equal(id, report.GetProperty("announcementId").GetInt64());
        Assert.Contains("Субʼєкт господарювання", report.GetProperty("audience").GetString(), StringComparison.Ordinal);
        var announcementKey = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var audits = await host.DbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Letter" || (a.EntityType == nameof(Announcement) && a.EntityKey == announcementKey)).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.DoesNotContain("@", a.After, StringComparison.Ordinal));
        Assert.Contains("\"Recipients\":2", audits.Single(a => a.EntityType == "Letter").After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALetterToASettlementsSubscribers_ReachesThemInTheirChat_AndNoOtherSubscriber()
    {
        await using var host = await TelegramHost.StartAsync(webhook: true, settings: NoAutomaticNotices);
        var (zabirria, kamianka) = await host.DbAsync(async db =>
            (await db.Settlements.SingleAsync(s => s.Code == "zabirria"), await db.Settlements.SingleAsync(s => s.Code == "kamianka")));
        var mine = await AddTelegramResidentsAsync(host.Factory, 2, zabirria.Id);
        await AddTelegramResidentsAsync(host.Factory, 1, zabirria.Id, subscribed: false);
        await AddTelegramResidentsAsync(host.Factory, 1, kamianka.Id);
        await AddTelegramResidentsAsync(host.Factory, 1, null);
        using var admin = AdminClient.ForAdmin(host.Factory);
        var letter = new { subject = "Сход мешканців Забірʼя", body = "Запрошуємо на сход мешканців у клубі в четвер о 18:00.", settlement = "zabirria" };

        var preview = await (await admin.PostAsJsonAsync("/api/admin/letters/preview", letter)).Content.ReadFromJsonAsync<JsonElement>();
        var sent = await admin.PostAsJsonAsync("/api/admin/letters", letter);
        var key = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("letter").GetString();
        await DriveUntilAsync(host, () => Task.FromResult(Delivered(host).Count == 2), "the two subscribers of Забірʼя reached");
        var report = await DriveUntilAsync(host, () => admin.GetFromJsonAsync<JsonElement>($"/api/admin/letters/{key}"),
            r => r.GetProperty("delivered").GetInt32() == 2, "the letter's delivery settled");

        Assert.Equal(2, preview.GetProperty("count").GetInt32());
        Assert.Equal(2, preview.GetProperty("channels").GetProperty("Telegram").GetInt32());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var sends = host.Api.CallsOf("sendMessage").Where(c => !c.Failed).ToList();
        Assert.Equal(mine.Order(), sends.Select(c => c.Body["chat_id"]!.GetValue<long>()).Order());
        Assert.All(sends, c => Assert.Equal("Запрошуємо на сход мешканців у клубі в четвер о 18:00.", c.Body["text"]!.GetValue<string>()));
        Assert.Equal((2, 0, 0), (report.GetProperty("recipients").GetInt32(), report.GetProperty("waiting").GetInt32(),
            report.GetProperty("notDelivered").GetInt32()));
        var announcement = await host.DbAsync(db => db.Announcements.AsNoTracking().Include(a => a.Targets).SingleAsync());
        Assert.Equal(zabirria.Id, announcement.SettlementId);
        Assert.Equal(AnnouncementTarget.TelegramSubscribers, Assert.Single(announcement.Targets).Target);
    }

    [Fact]
    public async Task BadGroupLetters_AnswerProblemDetails_AndSendNothing()
    {
        await using var host = await EmailHost.StartAsync(NoAutomaticNotices);
        await SubmitAsync(host.Factory, "business", "kava@example.com");
        using var admin = AdminClient.ForAdmin(host.Factory);
        using var comms = await AdminClient.ForRoleAsync(host.Factory, Core.Access.AdminRole.Communications);

        var unknownCategory = await admin.PostAsJsonAsync("/api/admin/letters", new { subject = "Тема", body = "Текст", authorCategory = "aliens" });
        var nobodyWithAddress = await admin.PostAsJsonAsync("/api/admin/letters", new { subject = "Тема", body = "Текст", authorCategory = "ngo" });
        var unknownSettlement = await admin.PostAsJsonAsync("/api/admin/letters/preview", new { subject = "Тема", body = "Текст", settlement = "atlantida" });
        var nobodySubscribed = await admin.PostAsJsonAsync("/api/admin/letters", new { subject = "Тема", body = "Текст", settlement = "zabirria" });
        var twoGroups = await admin.PostAsJsonAsync("/api/admin/letters",
            new { subject = "Тема", body = "Текст", authorCategory = "business", addresses = "a@example.com" });
        var noneChosen = await admin.PostAsJsonAsync("/api/admin/letters", new { subject = "Тема", body = "Текст", authorCategory = " " });
        var asAnnouncement = await comms.PostAsJsonAsync("/api/admin/announcements",
            new { text = "Текст", targets = new[] { "AuthorEmails" }, sendAt = "2026-11-02T11:01:00+02:00" });

        await AssertFieldAsync(unknownCategory, "authorCategory", "aliens");
        await AssertFieldAsync(nobodyWithAddress, "authorCategory", "ngo");
        await AssertFieldAsync(unknownSettlement, "settlement", "atlantida");
        await AssertFieldAsync(nobodySubscribed, "settlement", "zabirria");
        await AssertFieldAsync(twoGroups, "addresses", "one group");
        await AssertFieldAsync(noneChosen, "authorCategory", "Choose");
        await AssertFieldAsync(asAnnouncement, "targets[0]", "letter");
        Assert.Equal(0, await host.DbAsync(db => db.Announcements.CountAsync()));
        Assert.Equal(0, await host.DbAsync(db => db.Letters.CountAsync()));
        Assert.Equal(0, await host.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == Channel.Email)));
    }

    [Fact]
    public async Task WithEmailOff_ALetterToAuthorsIsRefusedWith409()
    {
        await using var app = new HromadaAppFactory();
        await SubmitAsync(app, "business", "kava@example.com");
        using var admin = AdminClient.ForAdmin(app);

        var sent = await admin.PostAsJsonAsync("/api/admin/letters", new { subject = "Тема", body = "Текст", authorCategory = "business" });

        Assert.Equal(HttpStatusCode.Conflict, sent.StatusCode);
        Assert.Equal("E-mail is off", (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().Announcements.CountAsync(a => a.Kind == AnnouncementKind.Manual));
    }

    [Fact]
    public async Task LettersPage_PreviewsALetterToAuthors_ByCountOnly_ThenSendsIt()
    {
        await using var host = await EmailHost.StartAsync(NoAutomaticNotices);
        await SubmitAsync(host.Factory, "business", "kava@zabirria.example.com");
        await SubmitAsync(host.Factory, "business", "apteka@example.com");
        using var secretary = await WebSessionClient.SignInAsync(host.Factory,
            await AdminWebSeed.KeyAsync(host.Factory, "секретар", Core.Access.AdminRole.WorkingGroup));
        KeyValuePair<string, string>[] letter =
        [
            new("Input.Subject", Subject), new("Input.Body", Body), new("Input.Source", "authors"), new("Input.AuthorCategory", "business"),
            new("Input.Addresses", "ignored@example.com"), new("Input.Settlement", ""),
        ];

        var previewHtml = await secretary.SubmitAsync("/admin/letters", "/admin/letters?handler=Preview", letter);
        var preview = WebSessionClient.Text(previewHtml);
        var sent = WebSessionClient.Text(await secretary.SubmitAsync("/admin/letters", "/admin/letters?handler=Send", letter));
        await host.MailsAsync("apteka@example.com", 1);
        var page = WebUtility.HtmlDecode(await secretary.GetHtmlAsync("/admin/letters"));

        Assert.Contains("Отримають лист: 2", preview, StringComparison.Ordinal);
        Assert.Contains("автори категорії «Субʼєкт господарювання»", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("kava@zabirria.example.com", previewHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("apteka@example.com", previewHtml, StringComparison.Ordinal);
        Assert.Contains("Надіслати 2", preview, StringComparison.Ordinal);
        Assert.Contains("Лист передано до надсилання: 2 адресат(ів), оголошенням №", sent, StringComparison.Ordinal);
        Assert.Contains("автори категорії «Субʼєкт господарювання», що залишили e-mail", page, StringComparison.Ordinal);
        Assert.Empty(host.Smtp.To("ignored@example.com"));
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field, string says)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var messages = problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains(says, StringComparison.Ordinal));
    }

    private static async Task<Proposal> SubmitAsync(HromadaAppFactory app, string category, string? email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var authorCategory = await db.AuthorCategories.SingleAsync(c => c.Code == category);
        return await scope.ServiceProvider.GetRequiredService<ProposalService>().SubmitAsync(new NewProposal
        {
            ConsultationId = (await db.Consultations.FirstAsync()).Id,
            Channel = Channel.Paper,
            ReceivedAt = app.Time.GetUtcNow(),
            AuthorCategoryId = authorCategory.Id,
            BusinessKindId = authorCategory.Asks == Core.Catalogs.AuthorDetail.BusinessKind ? (await db.BusinessKinds.FirstAsync()).Id : null,
            SphereId = (await db.Spheres.FirstAsync(s => s.Code == "social")).Id,
            Text = "Облаштувати стоянку біля ринку",
            AuthorName = "Автор",
            AuthorPhone = email is null ? "+380671234567" : null,
            AuthorEmail = email,
            Actor = "secretary",
        });
    }

    private static async Task<List<long>> AddTelegramResidentsAsync(HromadaAppFactory app, int count, int? settlementId, bool subscribed = true)
    {
        var start = 770_000_000L + Random.Shared.Next(1_000_000) * 100L;
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var chats = Enumerable.Range(0, count).Select(i => start + i).ToList();
        db.Residents.AddRange(chats.Select(chat => new Resident
        {
            Channel = Channel.Telegram,
            ChannelUserId = chat.ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = app.Time.GetUtcNow(),
            IsSubscribed = subscribed,
            ResidenceSettlementId = settlementId,
        }));
        await db.SaveChangesAsync();
        return chats;
    }

    private static HashSet<long> Delivered(TelegramHost host) =>
        host.Api.CallsOf("sendMessage").Where(c => !c.Failed).Select(c => c.Body["chat_id"]!.GetValue<long>()).ToHashSet();
}
