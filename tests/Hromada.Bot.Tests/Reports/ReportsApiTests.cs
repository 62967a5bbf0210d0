using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Hromada.Admin.Reports;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Mvc;
using SkiaSharp;
using W = DocumentFormat.OpenXml.Wordprocessing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Hromada.Bot.Tests.Reports;

public sealed class ReportsApiTests
{
    private static readonly string[] Endpoints =
    [
        "/api/admin/reports/representation", "/api/admin/reports/interim.docx", "/api/admin/reports/interim.xlsx",
        "/api/admin/reports/charts/settlements.png", "/api/admin/reports/charts/spheres.png", "/api/admin/reports/charts/outcomes.png",
    ];

    public static TheoryData<string> AllEndpoints() => [.. Endpoints, "/api/admin/reports/period?from=2026-11-01&to=2026-11-07"];

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task Reports_AreForTheWorkingGroupAndAdmin_NotReviewersOrCommunications(string path)
    {
        await using var app = new HromadaAppFactory();
        await ReportSeed.AddAsync(app);
        using var group = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        using var admin = AdminClient.ForAdmin(app);
        using var reviewer = await AdminClient.ForRoleAsync(app, AdminRole.Reviewer, "sg-infrastructure");
        using var communications = await AdminClient.ForRoleAsync(app, AdminRole.Communications);
        using var anonymous = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await group.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await communications.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task Reports_CarryNoNameOrContact_EvenForAdmin(string path)
    {
        await using var app = new HromadaAppFactory();
        await ReportSeed.AddAsync(app, name: "Олена Унікальна-Прізвищенко", phone: "+380509876543");
        using var admin = AdminClient.ForAdmin(app);

        var bytes = await admin.GetByteArrayAsync(new Uri(path, UriKind.Relative));

        var text = path.Contains(".docx", StringComparison.Ordinal) || path.Contains(".xlsx", StringComparison.Ordinal)
            ? PackageText(bytes)
            : System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("Унікальна", text, StringComparison.Ordinal);
        Assert.DoesNotContain("509876543", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(AllEndpoints))]
    public async Task UnknownConsultation_Is404NamingIt(string path)
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.GetAsync(new Uri(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "consultation=999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
        Assert.Equal("There is no consultation 999.", problem!.Detail);
    }

    [Theory]
    [InlineData("/api/admin/reports/representation?consultation=abc", "consultation")]
    [InlineData("/api/admin/reports/representation?from=2026-13-01", "from")]
    [InlineData("/api/admin/reports/interim.docx?to=yesterday", "to")]
    [InlineData("/api/admin/reports/interim.xlsx?from=2026-11-10&to=2026-11-01", "to")]
    [InlineData("/api/admin/reports/charts/spheres.png?from=01.11.2026", "from")]
    [InlineData("/api/admin/reports/period?to=2026-11-07", "from")]
    [InlineData("/api/admin/reports/period?from=2026-11-07", "to")]
    [InlineData("/api/admin/reports/period?from=2026-11-07&to=2026-11-01", "to")]
    [InlineData("/api/admin/reports/period?from=2026-11-01&to=2026-11-07&consultation=x", "consultation")]
    public async Task BadInput_Is400NamingTheField(string path, string field)
    {
        await using var app = new HromadaAppFactory();
        using var client = AdminClient.ForAdmin(app);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Equal([field], problem!.Errors.Keys);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task UnknownChart_Is404NamingIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = AdminClient.ForAdmin(app);

        var response = await client.GetAsync(new Uri("/api/admin/reports/charts/pie.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("There is no chart 'pie'. Charts: settlements, spheres, outcomes.", (await response.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Representation_Json_CountsAndSentences(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        await ReportSeed.AddAsync(app, channel: Channel.WebChat);
        await ReportSeed.AddAsync(app, channel: Channel.Paper, phone: "067 123 45 67", outcome: DecisionOutcome.Accepted);
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var report = await client.GetFromJsonAsync<JsonElement>("/api/admin/reports/representation?consultation=1");

        Assert.Equal(2, report.GetProperty("totals").GetProperty("proposals").GetInt32());
        Assert.Equal(1, report.GetProperty("totals").GetProperty("authors").GetInt32());
        Assert.Equal(17, report.GetProperty("bySettlement").GetArrayLength());
        var kamianka = report.GetProperty("bySettlement").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "kamianka");
        Assert.Equal(2, kamianka.GetProperty("byResidence").GetProperty("proposals").GetInt32());
        Assert.Equal(1, kamianka.GetProperty("byResidence").GetProperty("authors").GetInt32());
        Assert.StartsWith("Станом на 02.11.2026 надійшли 2 пропозиції від 1 автора", report.GetProperty("statistics").GetString(), StringComparison.Ordinal);
        Assert.Contains(report.GetProperty("gaps").EnumerateArray(), g => g.GetString()!.StartsWith("Від жителів 16 населених пунктів пропозицій не надійшло", StringComparison.Ordinal));
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task Charts_AreNonEmptyPngs_DrawnWithAFontThatHasCyrillic(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        await ReportSeed.AddAsync(app, outcome: DecisionOutcome.PartiallyAccepted);
        await ReportSeed.AddAsync(app, sphere: "agro", settlement: "vyshneve");
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        Assert.True(ChartRenderer.FontFamily is not null,
            "No font with Cyrillic letters: Ukrainian chart labels cannot be drawn (Debian: apt-get install fonts-dejavu-core).");
        using (var typeface = SKFontManager.Default.MatchFamily(ChartRenderer.FontFamily))
        {
            Assert.True(typeface.ContainsGlyphs("Пропозиції за населеними пунктами Камʼянка"));
        }
        foreach (var name in ChartRenderer.Names)
        {
            var response = await client.GetAsync(new Uri($"/api/admin/reports/charts/{name}.png", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
            var png = await response.Content.ReadAsByteArrayAsync();
            using var bitmap = SKBitmap.Decode(png);
            Assert.Equal(1200, bitmap.Width);
            Assert.True(bitmap.Height >= 300);
            var colours = new HashSet<uint>();
            for (var y = 0; y < bitmap.Height; y += 3)
            {
                for (var x = 0; x < bitmap.Width; x += 3)
                {
                    colours.Add((uint)bitmap.GetPixel(x, y));
                }
            }
            Assert.True(colours.Count > 10, $"{name}.png looks blank ({colours.Count} colours).");
        }
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task InterimDocx_PassesTheOpenXmlValidator_WithTheStatisticsParagraph_OneRowPerProposal_AndTheCharts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        var decided = await ReportSeed.AddAsync(app, text: "Перший рядок\nдругий рядок", outcome: DecisionOutcome.PartiallyAccepted, route: "sg-infrastructure");
        await ReportSeed.AddAsync(app, text: "=HYPERLINK(\"http://example.com\")", sphere: "agro", settlement: null);
        await ReportSeed.AddAsync(app, text: "Третя", route: "sg-social", sphere: "social");
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);
        var report = await client.GetFromJsonAsync<JsonElement>("/api/admin/reports/representation");

        var response = await client.GetAsync(new Uri("/api/admin/reports/interim.docx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType!.MediaType);
        using var document = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        Assert.Empty(new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<W.Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains(report.GetProperty("statistics").GetString(), paragraphs);
        foreach (var gap in report.GetProperty("gaps").EnumerateArray())
        {
            Assert.Contains("– " + gap.GetString(), paragraphs);
        }
        Assert.Equal(3, document.MainDocumentPart.ImageParts.Count());
        Assert.Equal(3, body.Descendants<W.Drawing>().Count());
        var table = body.Elements<W.Table>().Single();
        var rows = table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal(["№", "Номер", "Текст пропозиції", "Категорія автора", "Населений пункт", "Сфера", "Позиції органів розгляду", "Рішення", "Обґрунтування"], rows[0]);
        var first = rows.Single(r => r[1] == decided.Reference);
        Assert.Equal("1", first[0]);
        Assert.Equal("Перший рядокдругий рядок", first[2]);
        Assert.Equal("с. Камʼянка", first[4]);
        Assert.StartsWith("Підгрупа з питань ЖКГ, будівництва, доріг, транспорту і звʼязку: позицію не надано (строк до 10.11.2026)", first[6], StringComparison.Ordinal);
        Assert.Equal("Враховано частковопротокол № 12 від 20.11.2026", first[7]);
        Assert.Equal("Включено до програми на 2027 рік", first[8]);
        Assert.Contains(rows, r => r[4] == "Уся громада" && r[7] == "Рішення не ухвалено");
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task InterimDocx_ForAConsultationWithoutProposals_IsAFullValidDocument(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var bytes = await client.GetByteArrayAsync(new Uri("/api/admin/reports/interim.docx?consultation=1", UriKind.Relative));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Equal("", string.Join("\n", new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}")));
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("не надійшло жодної пропозиції", text, StringComparison.Ordinal);
        Assert.Contains("Жодної пропозиції не надійшло", text, StringComparison.Ordinal);
        Assert.Contains("Пропозицій не надійшло.", text, StringComparison.Ordinal);
        Assert.Equal(3, document.MainDocumentPart.ImageParts.Count());
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task InterimXlsx_HasTheFiveSheets_ValidAndComplete(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        await ReportSeed.AddAsync(app, text: "+380 — телефон у тексті");
        await ReportSeed.AddAsync(app, sphere: "agro", residence: null);
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var bytes = await client.GetByteArrayAsync(new Uri("/api/admin/reports/interim.xlsx", UriKind.Relative));

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var sheets = Sheets(workbook);
        Assert.Equal(["Пропозиції", "За населеними пунктами", "За сферами", "За категоріями", "Участь"], sheets.Keys);
        Assert.Equal(3, sheets["Пропозиції"].Count);
        Assert.Equal(1 + 17 + 3 + 1 + 5, sheets["За населеними пунктами"].Count);
        var kamianka = sheets["За населеними пунктами"].Single(r => r.Count > 1 && r[1] == "с. Камʼянка");
        Assert.Equal(["Камʼянський старостинський округ", "с. Камʼянка", "1", "1", "2", "1"], kamianka);
        Assert.Equal(1 + 6, sheets["За сферами"].Count);
        Assert.Equal(1 + 5 + 7 + 7 + 9, sheets["За категоріями"].Count);
        Assert.Contains(sheets["За категоріями"], r => r is ["Канал", "Письмово (на папері)", "2", "1"]);
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task PeriodSummary_CountsWhatCameIn_WhatWasDecided_AndWhatIsOverdue(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        var start = app.Time.GetUtcNow();
        await ReportSeed.AddAsync(app, receivedAt: start.AddDays(-3));
        await ReportSeed.AddAsync(app, channel: Channel.Telegram, outcome: DecisionOutcome.Rejected);
        var overdue = await ReportSeed.AddAsync(app, channel: Channel.Telegram, route: "sg-infrastructure", due: new DateOnly(2026, 11, 3));
        await ReportSeed.AddAsync(app, receivedAt: start.AddDays(10));
        app.Time.Advance(TimeSpan.FromDays(5)); // today is 7 November
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var summary = await client.GetFromJsonAsync<JsonElement>("/api/admin/reports/period?from=2026-11-01&to=2026-11-08");

        var received = summary.GetProperty("received");
        Assert.Equal(2, received.GetProperty("total").GetInt32());
        Assert.Equal(2, received.GetProperty("byChannel").EnumerateArray().Single(c => c.GetProperty("code").GetString() == "Telegram").GetProperty("proposals").GetInt32());
        Assert.Equal(1, summary.GetProperty("decided").GetProperty("rejected").GetInt32());
        Assert.Equal(2, summary.GetProperty("awaitingDecision").GetInt32());
        var late = summary.GetProperty("overdue");
        Assert.Equal("2026-11-07", late.GetProperty("asOf").GetString());
        Assert.Equal(1, late.GetProperty("routes").GetInt32());
        Assert.Equal(overdue.Reference, late.GetProperty("items")[0].GetProperty("reference").GetString());
        Assert.Equal(4, late.GetProperty("items")[0].GetProperty("daysOverdue").GetInt32());
        Assert.Equal(
            "За період з 01.11.2026 по 08.11.2026 надійшли 2 пропозиції (з них після строку — 0); ухвалено рішення щодо 1 пропозиції " +
            "(врахувати — 0, врахувати частково — 0, не враховувати — 1). Станом на 07.11.2026 без рішення — 2 пропозиції; " +
            "строк надання позиції органом розгляду минув щодо 1 пропозиції.",
            summary.GetProperty("summary").GetString());
    }

    [DatabaseTheory, OnEachDatabase]
    public async Task OpenApiDocument_DescribesTheReports_AndHowAuthorsAreCounted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new HromadaAppFactory().WithDatabase(database);
        using var client = app.CreateClient();

        var json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        foreach (var path in new[] { "/api/admin/reports/representation", "/api/admin/reports/interim.docx", "/api/admin/reports/interim.xlsx",
                     "/api/admin/reports/charts/{name}.png", "/api/admin/reports/period", "/api/admin/reports/weekly" })
        {
            Assert.Contains($"\"{path}\"", json, StringComparison.Ordinal);
        }
        Assert.Contains("\"RepresentationReport\"", json, StringComparison.Ordinal);
        Assert.Contains("\"PeriodSummary\"", json, StringComparison.Ordinal);
        Assert.Contains("\"WeeklySummaryView\"", json, StringComparison.Ordinal);
        Assert.Contains("last nine digits", json, StringComparison.Ordinal);
    }

    internal static Dictionary<string, List<List<string>>> Sheets(SpreadsheetDocument workbook)
    {
        var part = workbook.WorkbookPart!;
        return part.Workbook!.Sheets!.Elements<X.Sheet>().ToDictionary(
            s => s.Name!.Value!,
            s => ((WorksheetPart)part.GetPartById(s.Id!.Value!)).Worksheet!.Descendants<X.Row>()
                .Select(r => r.Elements<X.Cell>().Select(c => c.InnerText).ToList()).ToList());
    }

    private static string PackageText(byte[] bytes)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes));
        return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new StreamReader(e.Open()).ReadToEnd()));
    }
}
