using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Proposals;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Hromada.Bot.Tests.Reports;

/// <summary>
/// The interim report as a printed document: charts two to a page where they fit (none alone on half a page after the
/// text), numbered pages, an approval block at the end, and table columns wide enough that no word of the catalog's
/// labels is cut in the middle.
/// </summary>
public sealed class InterimLayoutTests
{
    // A4 portrait text height (twips) and what a heading and a caption take at most.
    private const long PortraitTextHeight = 16838 - 2 * 1134;
    private const long Heading = 700;
    private const long Caption = 500;
    private const long EmuPerTwip = 635;

    // A conservative width of a 9 pt letter in twips (Times New Roman's widest Cyrillic lower-case letters are narrower
    // than 0.6 em), plus the cell's side margins.
    private const int LetterWidth = 100;
    private const int CellMargins = 140;

    [Fact]
    public async Task InterimDocx_ChartsTwoToAPage_NumberedPages_AnApprovalBlock_AndNoCatalogWordCut()
    {
        await using var app = new HromadaAppFactory();
        string[] categories = ["person", "business", "ngo", "osn", "institution"];
        string[] spheres = ["agro", "economy", "social", "infrastructure", "safety", "other"];
        string[] settlements = ["novoselytsia", "chereshenky", "piatykhatky", "berezivka-nov", "zelenyi-dil", "khutirske"];
        for (var i = 0; i < spheres.Length; i++)
        {
            await ReportSeed.AddAsync(app, text: $"Пропозиція номер {i + 1} щодо розвитку громади", category: categories[i % categories.Length],
                sphere: spheres[i], settlement: settlements[i], outcome: i % 2 == 0 ? DecisionOutcome.PartiallyAccepted : null, route: "sg-infrastructure");
        }
        using var client = await AdminClient.ForRoleAsync(app, AdminRole.WorkingGroup);

        var bytes = await client.GetByteArrayAsync(new Uri("/api/admin/reports/interim.docx", UriKind.Relative));

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        Assert.Equal("", string.Join("\n", new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}")));
        var main = document.MainDocumentPart!;
        var body = main.Document!.Body!;

        // Page numbers in every section.
        var footer = Assert.Single(main.FooterParts);
        Assert.StartsWith("Сторінка ", footer.Footer!.InnerText, StringComparison.Ordinal);
        Assert.Equal([" PAGE ", " NUMPAGES "], footer.Footer.Descendants<W.SimpleField>().Select(f => f.Instruction!.Value!));
        var sections = body.Descendants<W.SectionProperties>().ToList();
        Assert.Equal(2, sections.Count);
        Assert.All(sections, s => Assert.Equal(main.GetIdOfPart(footer), s.Elements<W.FooterReference>().Single().Id!.Value));

        // The charts start a page, and the first two fit it together with their captions.
        var heading = body.Elements<W.Paragraph>().Single(p => p.InnerText == "3. Діаграми");
        Assert.NotNull(heading.ParagraphProperties!.PageBreakBefore);
        var heights = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Select(e => e.Cy!.Value / EmuPerTwip).ToList();
        Assert.Equal(3, heights.Count);
        Assert.True(Heading + heights[0] + heights[1] + 2 * Caption <= PortraitTextHeight,
            $"charts of {heights[0]} and {heights[1]} twips do not share a page of {PortraitTextHeight}");
        Assert.True(heights[2] + Caption <= PortraitTextHeight);
        var widths = body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent>().Select(e => e.Cx!.Value / EmuPerTwip).ToList();
        Assert.All(widths, w => Assert.True(w >= (11906 - 1134 - 850) * 6 / 10, $"a chart shrunk to {w} twips wide"));

        // The approval block closes the document, after the table.
        var afterTable = body.Elements().SkipWhile(e => e is not W.Table).Skip(1).OfType<W.Paragraph>().Select(p => p.InnerText).Where(t => t.Length > 0).ToList();
        Assert.Equal("5. Схвалення звіту", afterTable[0]);
        Assert.Contains(afterTable, t => t.StartsWith("Протокол № ", StringComparison.Ordinal) && t.Contains(" від ", StringComparison.Ordinal));
        Assert.Contains(afterTable, t => t.StartsWith("Голова робочої групи", StringComparison.Ordinal) && t.Contains("(підпис)", StringComparison.Ordinal));
        Assert.Contains(afterTable, t => t.StartsWith("Секретар робочої групи", StringComparison.Ordinal));

        // No word of the catalog's labels (category, settlement, sphere, decision) wider than its column.
        var table = body.Elements<W.Table>().Single();
        var columns = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Select(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var rows = table.Elements<W.TableRow>().Select(r => r.Elements<W.TableCell>().Select(c => string.Join(" ", c.Descendants<W.Text>().Select(t => t.Text))).ToList()).ToList();
        Assert.Equal(7, rows.Count);
        foreach (var column in new[] { 3, 4, 5, 7 })
        {
            foreach (var row in rows)
            {
                var longest = row[column].Split([' ', '-', '\n', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries).MaxBy(w => w.Length) ?? "";
                Assert.True(longest.Length * LetterWidth + CellMargins <= columns[column],
                    $"«{longest}» ({longest.Length} letters) does not fit column {rows[0][column]} of {columns[column]} twips");
            }
        }
        Assert.Contains(rows, r => r[3] == "Орган самоорганізації населення");
        Assert.NotNull(main.DocumentSettingsPart!.Settings!.GetFirstChild<W.AutoHyphenation>());
    }
}
