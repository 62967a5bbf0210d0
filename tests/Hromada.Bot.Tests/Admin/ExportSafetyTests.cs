using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Hromada.Admin.Exports;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Reports;
using Hromada.Core.Access;
using Hromada.Core.Proposals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using X = DocumentFormat.OpenXml.Spreadsheet;

namespace Hromada.Bot.Tests.Admin;

/// <summary>Exports a secretary opens in Excel: formulas neutralised, Ukrainian labels, and text that cannot break the file.</summary>
public sealed class ExportSafetyTests
{
    private const string Title = "Збір пропозицій до Програми комплексного відновлення території Зеленодільської сільської громади";

    private static async Task SeedFormulasAsync(HromadaAppFactory app)
    {
        await ReportSeed.AddAsync(app, text: "=1+1", name: "@SUM(A1:A2)", phone: "+380671234567");
        var dde = await ReportSeed.AddAsync(app, text: "-2+3 зменшити видатки", name: "-Петро", phone: null);
        await ReportSeed.SetTextAsync(app, dde.Reference, "\t=cmd|' /C calc'!A0");
        await ReportSeed.AddAsync(app, text: "Звичайна пропозиція про дорогу", name: "Олена", phone: "0671234567");
    }

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
    public async Task Csv_CellsThatLookLikeFormulas_ArePrefixedWithAQuote_AndLabelsAreUkrainian()
    {
        await using var app = new HromadaAppFactory();
        await SeedFormulasAsync(app);
        using var client = AdminClient.ForAdmin(app);

        var text = await client.GetStringAsync(new Uri("/api/admin/exports/proposals.csv?includePersonal=true", UriKind.Relative));

        var rows = ParseCsv(text.TrimStart('\uFEFF'), ';');
        var h = rows[0];
        Assert.Equal(["'=1+1", "'\t=cmd|' /C calc'!A0", "Звичайна пропозиція про дорогу"], rows.Skip(1).Select(r => r[h.IndexOf("Текст пропозиції")]));
        Assert.Equal(["'@SUM(A1:A2)", "'-Петро", "Олена"], rows.Skip(1).Select(r => r[h.IndexOf("ПІБ")]));
        Assert.Equal(["'+380671234567", "", "0671234567"], rows.Skip(1).Select(r => r[h.IndexOf("Телефон")]));
        Assert.All(rows.Skip(1), r => Assert.Equal(Title, r[h.IndexOf("Консультація")]));
        Assert.All(rows.Skip(1), r => Assert.Equal("Письмово (на папері)", r[h.IndexOf("Канал")]));
        Assert.All(rows.Skip(1), r => Assert.Equal("Надійшла", r[h.IndexOf("Статус")]));
        Assert.All(rows.Skip(1), r => Assert.Equal("с. Камʼянка", r[h.IndexOf("Місце проживання автора")]));
        // OWASP: every field is quoted, so a delimiter inside a value can never start a new cell.
        Assert.StartsWith("\"Номер\";\"Консультація\";", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_EveryValueIsText_FormulaLookalikesCarryTheQuotePrefix_PhonesKeepTheirPlus()
    {
        await using var app = new HromadaAppFactory();
        await SeedFormulasAsync(app);
        var decided = await ReportSeed.AddAsync(app, outcome: DecisionOutcome.PartiallyAccepted, route: "sg-infrastructure");
        using var client = AdminClient.ForAdmin(app);

        var bytes = await client.GetByteArrayAsync(new Uri("/api/admin/exports/proposals.xlsx?includePersonal=true", UriKind.Relative));

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Assert.Empty(new OpenXmlValidator().Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}"));
        var formats = workbook.WorkbookPart!.WorkbookStylesPart!.Stylesheet!.CellFormats!.Elements<X.CellFormat>().ToList();
        var cells = workbook.WorkbookPart.WorksheetParts.Single().Worksheet!.Descendants<X.Row>()
            .Select(r => r.Elements<X.Cell>().ToList()).ToList();
        var header = cells[0].Select(c => c.InnerText).ToList();
        Assert.All(cells.SelectMany(r => r), c => Assert.Equal(X.CellValues.InlineString, c.DataType!.Value));
        Assert.Empty(workbook.WorkbookPart.WorksheetParts.Single().Worksheet!.Descendants<X.CellFormula>());
        bool Quoted(X.Cell c) => formats[(int)c.StyleIndex!.Value].QuotePrefix?.Value == true;
        X.Cell Cell(int row, string column) => cells[row][header.IndexOf(column)];

        Assert.Equal("=1+1", Cell(1, "Текст пропозиції").InnerText);
        Assert.True(Quoted(Cell(1, "Текст пропозиції")));
        Assert.Equal("@SUM(A1:A2)", Cell(1, "ПІБ").InnerText);
        Assert.True(Quoted(Cell(1, "ПІБ")));
        Assert.Equal("+380671234567", Cell(1, "Телефон").InnerText);
        Assert.True(Quoted(Cell(1, "Телефон")));
        Assert.True(Quoted(Cell(2, "Текст пропозиції")));
        Assert.True(Quoted(Cell(2, "ПІБ")));
        Assert.False(Quoted(Cell(3, "Текст пропозиції")));
        Assert.Equal("0671234567", Cell(3, "Телефон").InnerText);
        Assert.Equal(Title, Cell(1, "Консультація").InnerText);
        var last = cells.Single(r => r[0].InnerText == decided.Reference);
        Assert.Equal("Враховано частково", last[header.IndexOf("Рішення")].InnerText);
        Assert.Equal("Надійшла", Cell(1, "Статус").InnerText);
        Assert.Equal("Рішення ухвалено", last[header.IndexOf("Статус")].InnerText);
        Assert.StartsWith("Підгрупа з питань ЖКГ", last[header.IndexOf("Маршрутизація та позиції")].InnerText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("proposals.xlsx")]
    [InlineData("proposals.csv")]
    [InlineData("proposals.json")]
    public async Task AProposalWithAVerticalTabOrOtherXmlInvalidCharacters_DoesNotBreakTheExport(string file)
    {
        // Issue 13: a U+000B pasted from Word made every XLSX export answer 500.
        await using var app = new HromadaAppFactory();
        var p = await ReportSeed.AddAsync(app);
        await ReportSeed.SetTextAsync(app, p.Reference, "Перший абзац\vдругий\u0001 абзац\uFFFE \u202Eкінець");
        await ReportSeed.AddAsync(app, text: "Інша пропозиція");
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var response = await client.GetAsync(new Uri($"/api/admin/exports/{file}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        string text;
        if (file.EndsWith(".xlsx", StringComparison.Ordinal))
        {
            using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
            Assert.Empty(new OpenXmlValidator().Validate(workbook));
            text = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet!.InnerText;
        }
        else
        {
            text = Encoding.UTF8.GetString(bytes);
        }
        Assert.Contains("Перший абзацдругий абзац кінець", text, StringComparison.Ordinal);
        Assert.Contains("Інша пропозиція", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWriterFailure_Is500NamingTheRealCause_AndIsLogged_NeverHiddenByCleanup()
    {
        await using var app = new HromadaAppFactory().WithServices(s =>
        {
            s.RemoveAll<ExportScratch>();
            s.AddSingleton<ExportScratch>(new FullDiskScratch());
            s.AddFakeLogging();
        });
        for (var i = 0; i < 30; i++)
        {
            await ReportSeed.AddAsync(app, text: $"Пропозиція {i}: " + new string('д', 500));
        }
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        foreach (var path in new[] { "/api/admin/exports/proposals.xlsx", "/api/admin/reports/interim.docx", "/api/admin/reports/interim.xlsx" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));

            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>();
            Assert.Contains("No space left on device", problem!.Detail, StringComparison.Ordinal);
            Assert.DoesNotContain("closed or in error state", problem.Detail, StringComparison.Ordinal);
        }
        var errors = app.Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Level == LogLevel.Error).ToList();
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Contains("No space left on device", e.Exception!.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void XlsxWriter_ARowWithCharactersXmlCannotHold_IsWrittenWithoutThem()
    {
        // Cleaned where the cell is written (issue 25): a row stored before the input rules cannot break the file.
        using var output = new MemoryStream();
        using (var xlsx = new XlsxWriter(output, [new SheetSpec("Аркуш", [])]))
        {
            xlsx.NextSheet();
            xlsx.WriteRow(["ok"]);
            xlsx.WriteRow(["вертикальна\vтабуляція\u0001"]);
            xlsx.Complete();
        }

        output.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(output, false);
        var texts = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>().Select(t => t.Text).ToList();
        Assert.Equal(["ok", "вертикальнатабуляція"], texts);
    }

    [Fact]
    public void XlsxWriter_ADiskThatFills_SurfacesTheIOException()
    {
        using var output = new FullDiskStream(4096);

        var thrown = Record.Exception(() =>
        {
            using var xlsx = new XlsxWriter(output, [new SheetSpec("Аркуш", [])]);
            xlsx.NextSheet();
            for (var i = 0; i < 2000; i++)
            {
                xlsx.WriteRow([$"{i}", Guid.NewGuid().ToString(), new string('ж', 200)]);
            }
            xlsx.Complete();
        });

        Assert.IsType<IOException>(thrown);
        Assert.Equal("No space left on device", thrown.Message);
    }

    private sealed class FullDiskScratch : ExportScratch
    {
        public override Stream Create() => new FullDiskStream(2048);
    }

    /// <summary>A stream that accepts a few bytes, then fails as a full disk does.</summary>
    private sealed class FullDiskStream(int capacity) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            if (Length + count > capacity)
            {
                throw new IOException("No space left on device");
            }
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (Length + buffer.Length > capacity)
            {
                throw new IOException("No space left on device");
            }
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }
    }
}
