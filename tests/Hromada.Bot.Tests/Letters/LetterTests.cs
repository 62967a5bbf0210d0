using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Email;
using Hromada.Bot.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Bot.Tests.Letters;

public sealed class LetterTests
{
    private const string Addresses = """
        kava@zabirria.example.com
        Kava@Zabirria.example.com, apteka@example.com; not-an-address
        <pekarnia@example.com>
        apteka@example.com
        """;

    [Fact]
    public async Task LetterToBusinesses_ReachesEachAddressOnce_ThroughSmtp_AndTheAuditKeepsNoAddress()
    {
        await using var host = await EmailHost.StartAsync();
        using var admin = AdminClient.ForAdmin(host.Factory);
        var letter = new
        {
            subject = "Запрошуємо подати пропозиції до Програми відновлення",
            body = "Шановні підприємці Забірʼя!\n\nДо 2 грудня збираємо пропозиції: https://bot.zelenodil.test/",
            addresses = Addresses,
        };

        var preview = await admin.PostAsJsonAsync("/api/admin/letters/preview", letter);
        var previewed = await preview.Content.ReadFromJsonAsync<JsonElement>();
        var sent = await admin.PostAsJsonAsync("/api/admin/letters", letter);
        var result = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var kava = await host.MailsAsync("kava@zabirria.example.com", 1);
        var apteka = await host.MailsAsync("apteka@example.com", 1);
        var pekarnia = await host.MailsAsync("pekarnia@example.com", 1);

        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal(["kava@zabirria.example.com", "apteka@example.com", "pekarnia@example.com"],
            previewed.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["not-an-address"], previewed.GetProperty("invalid").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(2, previewed.GetProperty("duplicates").GetInt32());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(3, result.GetProperty("recipients").GetInt32());
        Assert.Equal(3, host.Smtp.Received.Count);
        Assert.All(host.Smtp.Received, m => Assert.Single(m.To));
        Assert.Equal("Запрошуємо подати пропозиції до Програми відновлення", Assert.Single(kava).Subject);
        Assert.Contains("Шановні підприємці Забірʼя!", Assert.Single(apteka).TextBody, StringComparison.Ordinal);
        Assert.Single(pekarnia);
        var audit = await host.DbAsync(db => db.AuditEntries.AsNoTracking().SingleAsync(a => a.EntityType == "Letter"));
        Assert.Equal("Letter sent", audit.Action);
        Assert.Contains("\"Recipients\":3", audit.After, StringComparison.Ordinal);
        Assert.DoesNotContain("@", audit.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadLetters_AnswerProblemDetails_AndSendNothing()
    {
        await using var host = await EmailHost.StartAsync();
        using var admin = AdminClient.ForAdmin(host.Factory);
        using var comms = await AdminClient.ForRoleAsync(host.Factory, Core.Access.AdminRole.Communications);

        var noAddress = await admin.PostAsJsonAsync("/api/admin/letters", new { subject = "Тема", body = "Текст", addresses = "nobody, @example" });
        var noSubject = await admin.PostAsJsonAsync("/api/admin/letters", new { subject = " ", body = "Текст", addresses = "a@example.com" });
        var twoLines = await admin.PostAsJsonAsync("/api/admin/letters/preview", new { subject = "Тема\r\nBcc: x@example.com", body = "Текст", addresses = "a@example.com" });
        var reviewer = await comms.PostAsJsonAsync("/api/admin/letters", new { subject = "Тема", body = "Текст", addresses = "a@example.com" });

        Assert.Equal(HttpStatusCode.BadRequest, noAddress.StatusCode);
        Assert.Contains("addresses", await noAddress.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noSubject.StatusCode);
        Assert.Contains("subject", await noSubject.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, twoLines.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, reviewer.StatusCode);
        Assert.Equal(0, await host.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == Core.Proposals.Channel.Email)));
    }

    [Fact]
    public async Task ALettersDeliveryReport_CountsDeliveredAndRefused_AndNamesTheRefusedAddressWithTheServersAnswer()
    {
        await using var host = await EmailHost.StartAsync();
        host.Smtp.Refuse("apteka@example.com");
        using var admin = AdminClient.ForAdmin(host.Factory);
        using var secretary = await WebSessionClient.SignInAsync(host.Factory,
            await AdminWebSeed.KeyAsync(host.Factory, "секретар", Core.Access.AdminRole.WorkingGroup));

        var sent = await admin.PostAsJsonAsync("/api/admin/letters", new { subject = "Запрошуємо до консультацій", body = "Шановні підприємці!", addresses = Addresses });
        var key = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("letter").GetString();
        await host.MailsAsync("kava@zabirria.example.com", 1);
        await host.MailsAsync("pekarnia@example.com", 1);
        var report = await Eventually.GetAsync(
            () => admin.GetFromJsonAsync<JsonElement>($"/api/admin/letters/{key}").GetAwaiter().GetResult(),
            r => r.GetProperty("delivered").GetInt32() == 2 && r.GetProperty("notDelivered").GetInt32() == 1, "the letter's delivery settled");
        var list = await admin.GetFromJsonAsync<JsonElement>("/api/admin/letters");
        var missing = await admin.GetAsync(new Uri("/api/admin/letters/letter-0-none", UriKind.Relative));
        var page = WebUtility.HtmlDecode(await secretary.GetHtmlAsync("/admin/letters"));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal((3, 2, 0, 1, 0), (report.GetProperty("recipients").GetInt32(), report.GetProperty("delivered").GetInt32(),
            report.GetProperty("waiting").GetInt32(), report.GetProperty("notDelivered").GetInt32(), report.GetProperty("noLongerKnown").GetInt32()));
        var problem = Assert.Single(report.GetProperty("problems").EnumerateArray());
        Assert.Equal("apteka@example.com", problem.GetProperty("address").GetString());
        Assert.Equal("notDelivered", problem.GetProperty("state").GetString());
        Assert.Contains("SMTP 550", problem.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var listed = Assert.Single(list.EnumerateArray());
        Assert.Equal(key, listed.GetProperty("letter").GetString());
        Assert.Equal("Запрошуємо до консультацій", listed.GetProperty("subject").GetString());
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("problems").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<tr data-letter=\"{key}\">", page, StringComparison.Ordinal);
        Assert.Contains("<td>Запрошуємо до консультацій</td>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LettersPage_PreviewsWhoGetsTheLetter_ThenSendsIt()
    {
        await using var host = await EmailHost.StartAsync();
        using var secretary = await WebSessionClient.SignInAsync(host.Factory,
            await AdminWebSeed.KeyAsync(host.Factory, "секретар", Core.Access.AdminRole.WorkingGroup));
        KeyValuePair<string, string>[] letter =
        [
            new("Input.Subject", "Запрошуємо подати пропозиції"), new("Input.Body", "Шановні підприємці!"), new("Input.Addresses", Addresses),
        ];

        var preview = WebSessionClient.Text(await secretary.SubmitAsync("/admin/letters", "/admin/letters?handler=Preview", letter));
        var afterPreview = await host.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == Core.Proposals.Channel.Email));
        var sent = WebSessionClient.Text(await secretary.SubmitAsync("/admin/letters", "/admin/letters?handler=Send", letter));
        await host.MailsAsync("pekarnia@example.com", 1);

        Assert.Contains("Отримають лист: 3", preview, StringComparison.Ordinal);
        Assert.Contains("повторів пропущено: 2", preview, StringComparison.Ordinal);
        Assert.Contains("not-an-address", preview, StringComparison.Ordinal);
        Assert.Contains("Надіслати 3", preview, StringComparison.Ordinal);
        Assert.Equal(0, afterPreview);
        Assert.Contains("Лист передано до надсилання: 3 адрес(и)", sent, StringComparison.Ordinal);
        Assert.Equal(3, await host.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == Core.Proposals.Channel.Email)));
    }

    [Fact]
    public async Task ALetterChangedAfterItsPreview_OrSentASecondTime_IsNotSent()
    {
        await using var host = await EmailHost.StartAsync();
        using var admin = AdminClient.ForAdmin(host.Factory);
        var letter = new { subject = "Запрошуємо подати пропозиції", body = "Шановні підприємці!", addresses = "kava@example.com, apteka@example.com" };
        var key = (await (await admin.PostAsJsonAsync("/api/admin/letters/preview", letter)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("previewKey").GetString();

        var changed = await admin.PostAsJsonAsync("/api/admin/letters",
            new { letter.subject, body = "Інший текст, якого ніхто не переглянув", letter.addresses, previewKey = key });
        var sent = await admin.PostAsJsonAsync("/api/admin/letters", new { letter.subject, letter.body, letter.addresses, previewKey = key });
        var again = await admin.PostAsJsonAsync("/api/admin/letters", new { letter.subject, letter.body, letter.addresses, previewKey = key });
        await host.MailsAsync("apteka@example.com", 1);

        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("The letter changed after its preview", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("The letter was already sent", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(2, await host.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == Core.Proposals.Channel.Email)));
        Assert.Equal(1, await host.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == "Letter")));
    }

    [Fact]
    public async Task LettersPage_SendsOnlyTheLetterItPreviewed_AndNotTwice()
    {
        await using var host = await EmailHost.StartAsync();
        using var secretary = await WebSessionClient.SignInAsync(host.Factory,
            await AdminWebSeed.KeyAsync(host.Factory, "секретар", Core.Access.AdminRole.WorkingGroup));
        KeyValuePair<string, string>[] letter =
        [
            new("Input.Subject", "Запрошуємо подати пропозиції"), new("Input.Body", "Шановні підприємці!"), new("Input.Addresses", "kava@example.com"),
        ];
        var previewHtml = await secretary.SubmitAsync("/admin/letters", "/admin/letters?handler=Preview", letter);
        var key = System.Text.RegularExpressions.Regex.Match(previewHtml, "name=\"Input.PreviewKey\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        KeyValuePair<string, string>[] previewed = [.. letter, new("Input.PreviewKey", key)];
        KeyValuePair<string, string>[] edited = [letter[0], new("Input.Body", "Змінений текст"), letter[2], new("Input.PreviewKey", key)];

        var refused = WebSessionClient.Text(await secretary.SubmitAsync("/admin/letters", "/admin/letters?handler=Send", edited));
        var sent = WebSessionClient.Text(await secretary.SubmitAsync("/admin/letters", "/admin/letters?handler=Send", previewed));
        var twice = WebSessionClient.Text(await secretary.SubmitAsync("/admin/letters", "/admin/letters?handler=Send", previewed));

        Assert.Equal(64, key.Length);
        Assert.Contains("data-confirm=\"Надіслати лист 1 адресатам?\"", previewHtml, StringComparison.Ordinal);
        Assert.Contains("змінено після перегляду", refused, StringComparison.Ordinal);
        Assert.Contains("Лист передано до надсилання: 1 адрес(и)", sent, StringComparison.Ordinal);
        Assert.Contains("вдруге його не надсилаємо", twice, StringComparison.Ordinal);
        Assert.Equal(1, await host.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Channel == Core.Proposals.Channel.Email)));
    }

    [Fact]
    public async Task WithEmailOff_TheLetterIsRefusedWith409()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);

        var sent = await admin.PostAsJsonAsync("/api/admin/letters", new { subject = "Тема", body = "Текст", addresses = "a@example.com" });

        Assert.Equal(HttpStatusCode.Conflict, sent.StatusCode);
        Assert.Equal("E-mail is off", (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
