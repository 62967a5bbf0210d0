using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Email;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.WebChat;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Receipts;

public sealed partial class ReceiptTests
{
    private static readonly object Decision = new
    {
        outcome = "PartiallyAccepted",
        justification = "Маршрут включено до програми; інформаційні знаки — у наступному році.",
        protocolNumber = "12",
        protocolDate = "2026-11-20",
    };

    [Fact]
    public async Task WebChatAuthor_GetsTheReceiptLink_AndAfterTheirSessionIsGone_TheLinkStillShowsTheDecision()
    {
        await using var app = new HromadaAppFactory();
        var chat = new WebChatClient(app.CreateClient());
        await SubmitThroughWebChatAsync(chat, "Створити велосипедний маршрут <script>alert(1)</script> між Черешеньками та Садовим.");

        var link = ReceiptLink().Match(chat.LastText);
        Assert.True(link.Success, chat.LastText);
        Assert.Contains("Збережіть це посилання", chat.LastText, StringComparison.Ordinal);
        var path = new Uri(link.Value).PathAndQuery;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // What retention does to an idle web chat resident: the resident goes, the proposal stays without one.
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            db.Residents.RemoveRange(await db.Residents.ToListAsync());
            await db.SaveChangesAsync();
        }
        using var admin = AdminClient.ForAdmin(app);
        (await admin.PostAsJsonAsync("/api/admin/proposals/P-2026-00001/decision", Decision)).EnsureSuccessStatusCode();

        using var browser = app.CreateClient();
        var page = await browser.GetAsync(new Uri(path, UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("P-2026-00001", html, StringComparison.Ordinal);
        Assert.Contains("врахувати частково", html, StringComparison.Ordinal);
        Assert.Contains("Маршрут включено до програми; інформаційні знаки — у наступному році.", html, StringComparison.Ordinal);
        Assert.Contains("Протокол № 12 від 20.11.2026", html, StringComparison.Ordinal);
        Assert.Contains("Економіка та фінанси", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ірина Бондар", html, StringComparison.Ordinal);
        Assert.DoesNotContain("0507654321", html, StringComparison.Ordinal);
        Assert.Contains("noindex", page.Headers.GetValues("X-Robots-Tag"));
    }

    [Fact]
    public async Task WrongCode_ReferenceAlone_AndUnknownReference_AllAnswerTheSame404()
    {
        await using var app = new HromadaAppFactory();
        var chat = new WebChatClient(app.CreateClient());
        await SubmitThroughWebChatAsync(chat, "Відремонтувати зупинку громадського транспорту в Черешеньках.");
        var path = new Uri(ReceiptLink().Match(chat.LastText).Value).AbsolutePath;
        var code = path[(path.LastIndexOf('-') + 1)..];
        var wrong = path[..^1] + (code[^1] == 'a' ? 'b' : 'a');

        using var browser = app.CreateClient();
        var right = await browser.GetAsync(new Uri(path, UriKind.Relative));
        var answers = new List<(HttpStatusCode, string)>();
        foreach (var probe in new[] { wrong, "/p/P-2026-00001", "/p/P-2026-00999-" + code, "/p/P-2026-00001-" + code.ToUpperInvariant()[..^1] + "!" })
        {
            var response = await browser.GetAsync(new Uri(probe, UriKind.Relative));
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Item1));
        Assert.Single(answers.Select(a => a.Item2).Distinct());
        Assert.Contains("Сторінку не знайдено", answers[0].Item2, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GuessingCodes_IsRateLimitedPerClient()
    {
        await using var app = new HromadaAppFactory().WithSettings(new Dictionary<string, string?> { ["Hromada:Security:RateLimits:ReceiptPagesPerMinute"] = "5" });
        using var browser = app.CreateClient();

        var codes = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 7; i++)
        {
            var response = await browser.GetAsync(new Uri($"/p/P-2026-00001-abcdefghjk{i}{i}", UriKind.Relative));
            codes.Add(response.StatusCode);
            refused ??= response.StatusCode == HttpStatusCode.TooManyRequests ? response : null;
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 5), codes.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, codes[5]);
        // A person opening the link reads a Ukrainian page that says when to try again, not an English JSON document.
        Assert.Equal("text/html", refused!.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(refused.Headers.RetryAfter);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Забагато запитів", page, StringComparison.Ordinal);
        Assert.Matches(@"Спробуйте ще раз за \d+ с\.", page);
    }

    [Fact]
    public async Task PaperProposalWithAnEmail_GetsTheReceipt_AndTheDecisionByEmail_WithTheLink()
    {
        await using var host = await EmailHost.StartAsync();
        using var admin = AdminClient.ForAdmin(host.Factory);
        var created = await admin.PostAsJsonAsync("/api/admin/proposals", new
        {
            channel = "Paper",
            receivedAt = host.Factory.Time.GetUtcNow().AddDays(-1),
            authorCategory = "person",
            settlement = "zabirria",
            sphere = "safety",
            text = "Облаштувати укриття в будинку культури села Забірʼя",
            authorName = "Іван Коваль",
            authorEmail = "ivan.koval@example.com",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var summary = await created.Content.ReadFromJsonAsync<JsonElement>();
        var reference = summary.GetProperty("reference").GetString()!;
        var receiptPath = summary.GetProperty("receiptPath").GetString()!;
        Assert.StartsWith($"/p/{reference}-", receiptPath, StringComparison.Ordinal);

        var receipt = await host.MailsAsync("ivan.koval@example.com", 1);
        (await admin.PostAsJsonAsync($"/api/admin/proposals/{reference}/decision", Decision)).EnsureSuccessStatusCode();
        var mails = await host.MailsAsync("ivan.koval@example.com", 2);

        Assert.Equal($"Вашу пропозицію зареєстровано: {reference}", receipt[0].Subject);
        Assert.Contains(receiptPath, receipt[0].TextBody, StringComparison.Ordinal);
        var notice = mails[1];
        Assert.Equal($"Рішення щодо вашої пропозиції {reference}", notice.Subject);
        Assert.Contains("врахувати частково", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains(receiptPath, notice.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"http://localhost:5080{receiptPath}\"", notice.HtmlBody, StringComparison.Ordinal);
        var details = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{reference}");
        Assert.Contains(details.GetProperty("notices").EnumerateArray(), n => n.GetProperty("state").GetString() is "delivered" or "pending");
    }

    [Fact]
    public async Task AnonymisedAuthor_GetsNoEmail_ButTheLinkKeepsWorking()
    {
        await using var host = await EmailHost.StartAsync();
        using var admin = AdminClient.ForAdmin(host.Factory);
        var created = await admin.PostAsJsonAsync("/api/admin/proposals", new
        {
            channel = "Email",
            receivedAt = host.Factory.Time.GetUtcNow().AddDays(-1),
            authorCategory = "person",
            sphere = "safety",
            text = "Встановити освітлення біля школи",
            authorName = "Олена Мельник",
            authorEmail = "olena@example.com",
        });
        var summary = await created.Content.ReadFromJsonAsync<JsonElement>();
        var reference = summary.GetProperty("reference").GetString()!;
        await host.MailsAsync("olena@example.com", 1);
        await using (var scope = host.Factory.Services.CreateAsyncScope())
        {
            // What the secretary's anonymisation leaves: no name, no contacts, the moment it was done.
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            var p = await db.Proposals.SingleAsync(x => x.Reference == reference);
            (p.AuthorName, p.AuthorPhone, p.AuthorEmail, p.AnonymisedAt) = (null, null, null, host.Factory.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        (await admin.PostAsJsonAsync($"/api/admin/proposals/{reference}/decision", Decision)).EnsureSuccessStatusCode();
        using var browser = host.Factory.CreateClient();
        var page = await browser.GetAsync(new Uri(summary.GetProperty("receiptPath").GetString()!, UriKind.Relative));
        var emails = await host.DbAsync(db => db.OutboxMessages.CountAsync(o => o.Channel == Channel.Email));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("врахувати частково", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, emails);
    }

    [Fact]
    public async Task MyProposals_ListsEachProposalWithItsReceiptLink()
    {
        await using var app = new HromadaAppFactory();
        var chat = new WebChatClient(app.CreateClient());
        await SubmitThroughWebChatAsync(chat, "Облаштувати дитячий майданчик у Черешеньках.");
        var link = ReceiptLink().Match(chat.LastText).Value;

        await chat.TypeAsync("/my");

        Assert.Contains("P-2026-00001", chat.LastText, StringComparison.Ordinal);
        Assert.Contains(link, chat.LastText, StringComparison.Ordinal);
    }

    private static async Task SubmitThroughWebChatAsync(WebChatClient chat, string text)
    {
        await chat.StartAsync();
        await chat.PressAsync("Погоджуюся");
        await chat.PressAsync("Субʼєкт господарювання");
        await chat.PressAsync("Торгівля");
        await chat.PressAsync("Черешеньки");
        await chat.PressAsync("Економіка та фінанси");
        await chat.PressAsync("Туризм");
        await chat.TypeAsync(text);
        await chat.TypeAsync("ФОП Ірина Бондар");
        await chat.TypeAsync("+38 (050) 765-43-21");
        await chat.PressAsync("Надіслати");
    }

    [GeneratedRegex(@"https?://\S+/p/P-\d{4}-\d{5}-[a-z0-9]{12}")]
    private static partial Regex ReceiptLink();
}
