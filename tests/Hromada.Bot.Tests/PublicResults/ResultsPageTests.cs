using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.AdminWeb;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Audit;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.PublicResults;

public sealed class ResultsPageTests
{
    private static readonly object Decision = new
    {
        outcome = "Rejected",
        justification = "Не належить до повноважень громади; передано до ОДА.",
        protocolNumber = "7",
        protocolDate = "2026-11-25",
    };

    [Fact]
    public async Task TheConsultationsList_SaysWhetherResultsArePublished_AndLinksThePublicPage()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);
        using var secretary = await WebSessionClient.SignInAsync(app, await AdminWebSeed.KeyAsync(app, "секретар", Hromada.Core.Access.AdminRole.WorkingGroup));

        var before = await secretary.GetHtmlAsync("/admin/consultations");
        (await admin.PutAsJsonAsync("/api/admin/consultations/1/results", new { published = true })).EnsureSuccessStatusCode();
        var after = await secretary.GetHtmlAsync("/admin/consultations");

        Assert.Contains("<td data-results=\"off\" class=\"muted\">не опубліковано</td>", WebUtility.HtmlDecode(before), StringComparison.Ordinal);
        Assert.Contains("<td data-results=\"on\"><a href=\"/results/1\">опубліковано</a></td>", WebUtility.HtmlDecode(after), StringComparison.Ordinal);
        Assert.DoesNotContain("data-results=\"off\"", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultsPage_IsOffByDefault_ThenListsTheDecidedProposalsWithoutPersonalData_NotTheUnreadOnes_AndHidesAHiddenText()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);
        var first = await SubmitAsync(app, "Облаштувати укриття <b>в будинку культури</b>", "Іван Коваль", "+380671112233");
        var second = await SubmitAsync(app, "Сусід Петро Іваненко паркується на тротуарі — покарати", "Марія Шевчук", "+380504445566");
        var undecided = await SubmitAsync(app, "Відремонтувати дорогу до кладовища", "Олег Бондар", "+380937778899");
        (await admin.PostAsJsonAsync($"/api/admin/proposals/{first}/decision", Decision)).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/admin/proposals/{second}/decision", Decision)).EnsureSuccessStatusCode();
        using var browser = app.CreateClient();

        var off = await browser.GetAsync(new Uri("/results/1", UriKind.Relative));
        var offCsv = await browser.GetAsync(new Uri("/results/1/proposals.csv", UriKind.Relative));
        var offList = await browser.GetStringAsync(new Uri("/results", UriKind.Relative));
        var published = await admin.PutAsJsonAsync("/api/admin/consultations/1/results", new { published = true });
        var noReason = await admin.PutAsJsonAsync($"/api/admin/proposals/{second}/public-text", new { hidden = true });
        var hide = await admin.PutAsJsonAsync($"/api/admin/proposals/{second}/public-text", new { hidden = true, reason = "Текст називає приватну особу." });
        var list = await browser.GetStringAsync(new Uri("/results", UriKind.Relative));
        var html = await browser.GetStringAsync(new Uri("/results/1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, offCsv.StatusCode);
        Assert.Equal("application/problem+json", offCsv.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("href=\"/results/1\"", offList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("/results/1", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("resultsPath").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("application/problem+json", noReason.Content.Headers.ContentType?.MediaType);
        Assert.Contains("reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        Assert.Contains("href=\"/results/1\"", list, StringComparison.Ordinal);
        Assert.Contains(first, html, StringComparison.Ordinal);
        Assert.Contains(second, html, StringComparison.Ordinal);
        // An undecided text has not been read by the working group yet (it might name someone): only counted, never shown.
        Assert.DoesNotContain(undecided, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Відремонтувати дорогу до кладовища", html, StringComparison.Ordinal);
        Assert.Contains("Отримано пропозицій: 3. Розглянуто: 2.", html, StringComparison.Ordinal);
        // What the proposal now is («не враховано»), and what the working group decided («не враховувати»).
        Assert.Contains($"{first} — не враховано</h3>", html, StringComparison.Ordinal);
        Assert.Contains("Рішення: не враховувати", html, StringComparison.Ordinal);
        var csv = await browser.GetStringAsync(new Uri("/results/1/proposals.csv", UriKind.Relative));
        var json = await browser.GetStringAsync(new Uri("/results/1/proposals.json", UriKind.Relative));
        Assert.Contains(first, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(undecided, csv, StringComparison.Ordinal);
        Assert.DoesNotContain("кладовища", csv, StringComparison.Ordinal);
        Assert.Contains(first, json, StringComparison.Ordinal);
        Assert.DoesNotContain(undecided, json, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;в будинку культури&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Не належить до повноважень громади; передано до ОДА.", html, StringComparison.Ordinal);
        Assert.Contains("Протокол № 7 від 25.11.2026", html, StringComparison.Ordinal);
        Assert.Contains("Текст не оприлюднено: Текст називає приватну особу.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Петро Іваненко", html, StringComparison.Ordinal);
        foreach (var personal in new[] { "Іван Коваль", "+380671112233", "Марія Шевчук", "Олег Бондар", "/p/" })
        {
            Assert.DoesNotContain(personal, html, StringComparison.Ordinal);
        }
        Assert.Contains("<meter", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/results/1/proposals.csv\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/results/1/proposals.json\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Action == "Results published" || a.Action == "Text hidden from the public pages").ToListAsync();
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, a => a.EntityKey == second && a.After!.Contains("Текст називає приватну особу.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResultsPage_ShowsTheReportsThreeChartsAsPng_WhichAreNotPublicUntilTheResultsAre()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);
        var reference = await SubmitAsync(app, "Облаштувати укриття в будинку культури", "Іван Коваль", "+380671112233");
        await SubmitAsync(app, "Відремонтувати дорогу до кладовища", "Олег Бондар", "+380937778899");
        (await admin.PostAsJsonAsync($"/api/admin/proposals/{reference}/decision", Decision)).EnsureSuccessStatusCode();
        using var browser = app.CreateClient();

        using var early = await browser.GetAsync(new Uri("/results/1/charts/spheres.png", UriKind.Relative));
        (await admin.PutAsJsonAsync("/api/admin/consultations/1/results", new { published = true })).EnsureSuccessStatusCode();
        var html = await browser.GetStringAsync(new Uri("/results/1", UriKind.Relative));
        using var unknown = await browser.GetAsync(new Uri("/results/1/charts/people.png", UriKind.Relative));
        using var otherConsultation = await browser.GetAsync(new Uri("/results/999/charts/spheres.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherConsultation.StatusCode);
        foreach (var (name, alt) in new[]
        {
            ("settlements", "Пропозиції за населеними пунктами"),
            ("spheres", "Пропозиції за сферами"),
            ("outcomes", "Рішення за сферами"),
        })
        {
            Assert.Contains($"<img src=\"/results/1/charts/{name}.png\" alt=\"{alt}", html, StringComparison.Ordinal);
            using var chart = await browser.GetAsync(new Uri($"/results/1/charts/{name}.png", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
            Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
            using var codec = SkiaSharp.SKCodec.Create(new MemoryStream(await chart.Content.ReadAsByteArrayAsync()));
            Assert.Equal(SkiaSharp.SKEncodedImageFormat.Png, codec.EncodedFormat);
            // The reports' renderer draws every chart 1,200 pixels wide; the page scales it to the screen.
            Assert.Equal(1200, codec.Info.Width);
        }
    }

    [Fact]
    public async Task AHiddenText_IsNotFoundBySearchingForWhatItSays_AndComesBackWhenShownAgain()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);
        var reference = await SubmitAsync(app, "Сусід Петро Іваненко паркується на тротуарі", "Марія Шевчук", null);
        (await admin.PostAsJsonAsync($"/api/admin/proposals/{reference}/decision", Decision)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/admin/consultations/1/results", new { published = true })).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync($"/api/admin/proposals/{reference}/public-text", new { hidden = true, reason = "Називає приватну особу." })).EnsureSuccessStatusCode();
        using var browser = app.CreateClient();

        var searched = await browser.GetStringAsync(new Uri("/results/1?q=Іваненко", UriKind.Relative));
        var json = await browser.GetStringAsync(new Uri("/results/1/proposals.json", UriKind.Relative));
        (await admin.PutAsJsonAsync($"/api/admin/proposals/{reference}/public-text", new { hidden = false })).EnsureSuccessStatusCode();
        var shown = await browser.GetStringAsync(new Uri("/results/1?q=Іваненко", UriKind.Relative));

        Assert.DoesNotContain(reference, searched, StringComparison.Ordinal);
        Assert.DoesNotContain("Іваненко паркується", json, StringComparison.Ordinal);
        Assert.Contains("Називає приватну особу.", json, StringComparison.Ordinal);
        Assert.Contains("Іваненко паркується", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsAWordWithAnApostrophe_TypedWithAnyOrNone_AsTheAdminSearchDoes()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);
        var reference = await SubmitAsync(app, "Відремонтувати міст у Камʼянці через річку", "Марія Шевчук", null);
        (await admin.PostAsJsonAsync($"/api/admin/proposals/{reference}/decision", Decision)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/admin/consultations/1/results", new { published = true })).EnsureSuccessStatusCode();
        using var browser = app.CreateClient();

        foreach (var typed in new[] { "Камянці", "Кам'янці", "КАМ’ЯНЦІ", "камʼянці" })
        {
            var page = await browser.GetStringAsync(new Uri($"/results/1?q={Uri.EscapeDataString(typed)}", UriKind.Relative));
            var list = await admin.GetStringAsync(new Uri($"/api/admin/proposals?q={Uri.EscapeDataString(typed)}", UriKind.Relative));
            Assert.Contains(reference, page, StringComparison.Ordinal);
            Assert.Contains(reference, list, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OpenData_CsvOpensInExcelWithUkrainianText_AndJsonHasTheSameColumns_WithoutPersonalData()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);
        var reference = await SubmitAsync(app, "=HYPERLINK(\"http://x\") Встановити лавки у сквері Камʼянки", "Іван Коваль", "+380671112233");
        (await admin.PostAsJsonAsync($"/api/admin/proposals/{reference}/decision", Decision)).EnsureSuccessStatusCode();
        (await admin.PutAsJsonAsync("/api/admin/consultations/1/results", new { published = true })).EnsureSuccessStatusCode();
        using var browser = app.CreateClient();

        var csvResponse = await browser.GetAsync(new Uri("/results/1/proposals.csv", UriKind.Relative));
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        var json = await browser.GetFromJsonAsync<JsonElement>("/results/1/proposals.json");
        var badDelimiter = await browser.GetAsync(new Uri("/results/1/proposals.csv?delimiter=tab", UriKind.Relative));

        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csv = new UTF8Encoding(false).GetString(bytes[3..]);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "\"reference\";\"received_date\";\"late\";\"sphere\";\"topic\";\"settlement\";\"text\";\"text_hidden_reason\";\"status\";\"outcome\";" +
            "\"outcome_label\";\"justification\";\"protocol_number\";\"protocol_date\";\"decided_date\"", lines[0]);
        Assert.Equal(2, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\") Встановити лавки у сквері Камʼянки\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"не враховувати\"", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("Коваль", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("380671112233", csv, StringComparison.Ordinal);
        var row = Assert.Single(json.GetProperty("proposals").EnumerateArray().ToList());
        Assert.Equal(reference, row.GetProperty("reference").GetString());
        Assert.Equal("Decided", row.GetProperty("status").GetString());
        Assert.Equal("Rejected", row.GetProperty("outcome").GetString());
        Assert.Equal("2026-11-25", row.GetProperty("protocol_date").GetString());
        Assert.Equal(JsonValueKind.False, row.GetProperty("late").ValueKind);
        Assert.Equal(15, row.EnumerateObject().Count());
        Assert.DoesNotContain("Коваль", json.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badDelimiter.StatusCode);
        Assert.Equal("application/problem+json", badDelimiter.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ResultsPage_FiltersByOutcome_AndPages()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);
        for (var i = 0; i < 22; i++)
        {
            var reference = await SubmitAsync(app, $"Пропозиція номер {i} щодо благоустрою", "Автор", null);
            (await admin.PostAsJsonAsync($"/api/admin/proposals/{reference}/decision", new
            {
                outcome = i == 0 ? "Accepted" : "Rejected", justification = "Обґрунтування.", protocolNumber = "7", protocolDate = "2026-11-25",
            })).EnsureSuccessStatusCode();
        }
        (await admin.PutAsJsonAsync("/api/admin/consultations/1/results", new { published = true })).EnsureSuccessStatusCode();
        using var browser = app.CreateClient();

        var accepted = await browser.GetStringAsync(new Uri("/results/1?outcome=Accepted", UriKind.Relative));
        var page2 = await browser.GetStringAsync(new Uri("/results/1?page=2", UriKind.Relative));
        var nonsense = await browser.GetAsync(new Uri("/results/1?outcome=<x>&status=7&page=-3&sphere=nope", UriKind.Relative));

        Assert.Contains("Пропозиція номер 0 щодо", accepted, StringComparison.Ordinal);
        Assert.DoesNotContain("Пропозиція номер 1 щодо", accepted, StringComparison.Ordinal);
        Assert.Contains("Пропозиція номер 20 щодо", page2, StringComparison.Ordinal);
        Assert.Contains("Пропозиція номер 21 щодо", page2, StringComparison.Ordinal);
        Assert.DoesNotContain("Пропозиція номер 5 щодо", page2, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, nonsense.StatusCode);
    }

    [Fact]
    public async Task PublishSwitch_NeedsTheWorkingGroup_AndAnswersProblemDetails()
    {
        await using var app = new HromadaAppFactory();
        using var admin = AdminClient.ForAdmin(app);
        using var comms = await AdminClient.ForRoleAsync(app, Core.Access.AdminRole.Communications);

        var forbidden = await comms.PutAsJsonAsync("/api/admin/consultations/1/results", new { published = true });
        var unknown = await admin.PutAsJsonAsync("/api/admin/consultations/99/results", new { published = true });
        var empty = await admin.PutAsJsonAsync("/api/admin/consultations/1/results", new { });
        var unknownProposal = await admin.PutAsJsonAsync("/api/admin/proposals/P-2026-99999/public-text", new { hidden = false });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("No such consultation", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownProposal.StatusCode);
    }

    private static async Task<string> SubmitAsync(HromadaAppFactory app, string text, string? name, string? phone) =>
        (await AdminSeed.SubmitAsync(app, text, sphere: "safety", settlement: "zabirria", channel: Core.Proposals.Channel.Paper,
            receivedAt: app.Time.GetUtcNow().AddDays(-1), name: name, phone: phone)).Reference;
}
