using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Admin;

public sealed class ExportsAndIntakeTests
{
    private const string Tricky = "Пропозиція; з крапкою з комою, \"лапками\"\nі переносом рядка\r\nдругий абзац";

    /// <summary>A reader of RFC 4180 CSV, independent of the writer under test.</summary>
    private static List<List<string>> ParseCsv(string text, char delimiter)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == delimiter) { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else field.Append(c);
        }
        return rows;
    }

    [Fact]
    public async Task CsvExport_ProposalWithDelimitersQuotesAndLineBreaks_ReadsBackFieldForField()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app, text: Tricky);
        await AdminSeed.SubmitAsync(app, text: "Друга пропозиція про освітлення вулиці");
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var response = await client.GetAsync(new Uri("/api/admin/exports/proposals.csv", UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]), ';');
        Assert.Equal(3, rows.Count);
        var header = rows[0];
        var row = rows.Single(r => r[0] == p.Reference);
        Assert.Equal(header.Count, row.Count);
        // Exports clean text with TextSanitiser, which keeps line breaks and writes them as \n.
        Assert.Equal(Tricky.Replace("\r\n", "\n", StringComparison.Ordinal), row[header.IndexOf("Текст пропозиції")]);
        Assert.Equal("с. Камʼянка", row[header.IndexOf("Населений пункт")]);
        Assert.Equal("Внутрішньо переміщені особи", row[header.IndexOf("Соціальні групи")]);
        Assert.DoesNotContain("ПІБ", header);
        Assert.DoesNotContain("+380671234567", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvExport_WritesEveryDateColumnSortably_TheRoutesDueDateInWords()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app);
        using var admin = AdminClient.ForAdmin(app);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/routes",
            new { reviewBodies = new[] { "sg-infrastructure" }, dueDate = "2026-11-30" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/admin/proposals/{p.Reference}/decision",
            new { outcome = "Accepted", justification = "Включено до програми.", protocolNumber = "12", protocolDate = "2026-11-20" })).StatusCode);

        var bytes = await admin.GetByteArrayAsync(new Uri("/api/admin/exports/proposals.csv", UriKind.Relative));

        var rows = ParseCsv(Encoding.UTF8.GetString(bytes[3..]), ';');
        var header = rows[0];
        var row = rows.Single(r => r[0] == p.Reference);
        // The date columns sort as text, like the moments beside them; a date inside a sentence is written for people.
        Assert.Equal("2026-11-20", row[header.IndexOf("Дата протоколу")]);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", row[header.IndexOf("Отримано")]);
        Assert.Contains("(до 30.11.2026)", row[header.IndexOf("Маршрутизація та позиції")], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvExport_WithCommaAndPersonalFields_ForAdmin_IsAudited()
    {
        await using var app = new HromadaAppFactory();
        var p = await AdminSeed.SubmitAsync(app, text: Tricky);
        using var client = AdminClient.ForAdmin(app);

        var text = await client.GetStringAsync(new Uri("/api/admin/exports/proposals.csv?delimiter=comma&includePersonal=true", UriKind.Relative));

        var rows = ParseCsv(text.TrimStart('\uFEFF'), ',');
        Assert.Equal("Олена Петренко", rows[1][rows[0].IndexOf("ПІБ")]);
        // A leading + would make the phone a formula in Excel: OWASP's ' prefix keeps it text.
        Assert.Equal("'+380671234567", rows[1][rows[0].IndexOf("Телефон")]);
        await using var scope = app.Services.CreateAsyncScope();
        var audit = await scope.ServiceProvider.GetRequiredService<HromadaDbContext>().AuditEntries.SingleAsync(a => a.EntityType == "Export");
        Assert.Equal("bootstrap", audit.Actor);
    }

    [Fact]
    public async Task PersonalExport_ForTheWorkingGroup_Returns403()
    {
        await using var app = new HromadaAppFactory();
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var response = await client.GetAsync(new Uri("/api/admin/exports/proposals.csv?includePersonal=true", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Only an Admin key may export personal data", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Title);
    }

    [Fact]
    public async Task XlsxAndJsonExports_CarryTheSameRowsWithTheFilters()
    {
        await using var app = new HromadaAppFactory();
        var roads = await AdminSeed.SubmitAsync(app, text: Tricky, sphere: "infrastructure");
        await AdminSeed.SubmitAsync(app, text: "Підтримати фермерський кооператив у Вишневому", sphere: "agro", settlement: "vyshneve");
        using var client = AdminClient.ForAdmin(app);

        var xlsx = await client.GetByteArrayAsync(new Uri("/api/admin/exports/proposals.xlsx?sphere=infrastructure", UriKind.Relative));
        var json = await client.GetFromJsonAsync<JsonElement>("/api/admin/exports/proposals.json?sphere=infrastructure");

        using var document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>()
            .Select(r => r.Elements<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(2, cells.Count);
        Assert.Equal(roads.Reference, cells[1][0]);
        // XML normalises CRLF inside a cell to LF; everything else comes back as typed.
        Assert.Contains(Tricky.Replace("\r\n", "\n", StringComparison.Ordinal), cells[1].Select(c => c.Replace("\r\n", "\n", StringComparison.Ordinal)));
        Assert.Equal(1, json.GetArrayLength());
        Assert.Equal(roads.Reference, json[0].GetProperty("Номер").GetString());
    }

    [Fact]
    public async Task ManualIntake_OfALatePaperLetter_IsReceivedAndFlaggedLate()
    {
        await using var app = new HromadaAppFactory();
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        app.Time.Advance(TimeSpan.FromDays(40));

        var response = await client.PostAsJsonAsync("/api/admin/proposals", new
        {
            channel = "Paper",
            receivedAt = app.Time.GetUtcNow().AddDays(-1),
            authorCategory = "osn",
            settlement = "zabirria",
            sphere = "safety",
            topic = "shelters",
            text = "Облаштувати укриття в будинку культури села Забірʼя",
            authorName = "Голова ОСН «Забірʼя» Іван Коваль",
            authorPhone = "+380501112233",
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(created.GetProperty("isLate").GetBoolean());
        Assert.Equal("Paper", created.GetProperty("channel").GetString());
        Assert.Equal("shelters", created.GetProperty("topic").GetProperty("code").GetString());
    }

    [Fact]
    public async Task ManualIntake_WithUnknownCodesAndAChatChannel_Returns400NamingEachField()
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.PostAsJsonAsync("/api/admin/proposals", new
        {
            channel = "Telegram",
            receivedAt = app.Time.GetUtcNow(),
            authorCategory = "alien",
            sphere = "space",
            text = "",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal(["authorCategory", "channel", "sphere", "text"], problem!.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Catalogs_ListTheCodesTheOtherEndpointsTake()
    {
        await using var app = new HromadaAppFactory();
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.Reviewer, "sg-agro");

        var catalogs = await client.GetFromJsonAsync<JsonElement>("/api/admin/catalogs");

        Assert.Equal(5, catalogs.GetProperty("districts").GetArrayLength());
        Assert.Contains(catalogs.GetProperty("reviewBodies").EnumerateArray(), b => b.GetProperty("code").GetString() == "sg-agro");
        var kamianka = catalogs.GetProperty("districts").EnumerateArray().Single(d => d.GetProperty("code").GetString() == "kamianka");
        Assert.Equal(3, kamianka.GetProperty("settlements").GetArrayLength());
    }
}
