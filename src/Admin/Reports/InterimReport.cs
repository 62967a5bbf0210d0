using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Hromada.Admin.Exports;
using Hromada.Core.Community;
using Hromada.Core.Consultations;
using Hromada.Core.Proposals;
using Hromada.Core.Participation;
using Hromada.Core.Reports;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;
using static Hromada.Admin.Reports.WordParts;

namespace Hromada.Admin.Reports;

/// <summary>
/// The interim report on how every proposal was considered, as a Word document and as a workbook of its tables.
/// The table of proposals is streamed row by row (see <see cref="OpenXmlStreaming"/>), so 100,000 proposals do not
/// sit in memory. Nothing personal: no names, no contacts.
/// </summary>
public sealed class InterimReport(
    RepresentationService representation, ProposalRowReader rows, ChartRenderer charts, CommunityClock clock, ParticipationService participation)
{
    // Wide enough for the longest word of the catalog's labels in each column (e.g. «самоорганізації»), so Word never
    // has to cut one; a longer word typed by a person is hyphenated (the document turns automatic hyphenation on).
    private static readonly (string Header, int Width)[] TableColumns =
    [
        ("№", 500), ("Номер", 1250), ("Текст пропозиції", 3404), ("Категорія автора", 1800), ("Населений пункт", 1400),
        ("Сфера", 1750), ("Позиції органів розгляду", 1900), ("Рішення", 1350), ("Обґрунтування", 1500),
    ];

    // Two charts with their captions share a portrait page when each is at most this tall (twips); a taller one that
    // would have to shrink below 60 % of the text width to fit gets a page of its own instead.
    private const long HalfPageChart = 6400;
    private const long FullPageChart = 13000;

    public async Task WriteDocxAsync(Stream output, Consultation consultation, ReportPeriod period, CancellationToken ct)
    {
        var report = await representation.BuildAsync(consultation, period, ct);
        var pictures = ChartRenderer.Names.Select(n => (Name: n, Png: charts.Render(n, report))).ToList();

        using var skeleton = new MemoryStream();
        string mainEntry;
        string footerId;
        var images = new List<(string RelId, string Name, byte[] Png)>();
        using (var document = WordprocessingDocument.Create(skeleton, WordprocessingDocumentType.Document))
        {
            document.PackageProperties.Title = $"Проміжний звіт: {Clean(consultation.Title)}";
            document.PackageProperties.Creator = "Hromada.Bot";
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body());
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new AutoHyphenation());
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = PageNumbers();
            footerId = main.GetIdOfPart(footer);
            foreach (var (name, png) in pictures)
            {
                var image = main.AddImagePart(ImagePartType.Png);
                using (var data = new MemoryStream(png))
                {
                    image.FeedData(data);
                }
                images.Add((main.GetIdOfPart(image), name, png));
            }
            mainEntry = OpenXmlStreaming.EntryName(main);
        }

        using var package = new OpenXmlStreaming(output, skeleton, [mainEntry]);
        using (var writer = OpenXmlWriter.Create(package.NextPart()))
        {
            writer.WriteStartDocument();
            writer.WriteStartElement(new Document(), [],
            [
                new("w", "http://schemas.openxmlformats.org/wordprocessingml/2006/main"),
                new("r", "http://schemas.openxmlformats.org/officeDocument/2006/relationships"),
                new("wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"),
                new("a", "http://schemas.openxmlformats.org/drawingml/2006/main"),
                new("pic", "http://schemas.openxmlformats.org/drawingml/2006/picture"),
            ]);
            writer.WriteStartElement(new Body());
            foreach (var element in Opening(report, images, footerId))
            {
                writer.WriteElement(element);
            }

            writer.WriteStartElement(new Table());
            writer.WriteElement(new TableProperties(
                new TableWidth { Type = TableWidthUnitValues.Dxa, Width = TableColumns.Sum(c => c.Width).ToString(CultureInfo.InvariantCulture) },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 70, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "30", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 70, Type = TableWidthValues.Dxa })));
            writer.WriteElement(new TableGrid(TableColumns.Select(c => new GridColumn { Width = c.Width.ToString(CultureInfo.InvariantCulture) })));
            writer.WriteElement(new TableRow(
                new[] { (OpenXmlElement)new TableRowProperties(new TableHeader()) }
                    .Concat(TableColumns.Select(c => Cell(c.Header, c.Width, bold: true)))));
            var number = 0;
            await foreach (var p in rows.ReadAsync(representation.Proposals(consultation.Id, period), personal: false, ct))
            {
                number++;
                try
                {
                    writer.WriteElement(ProposalRow(number, p));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    throw new ExportFailedException($"Proposal {p.Reference} could not be written to the report: {ex.Message}", ex);
                }
            }
            if (number == 0)
            {
                writer.WriteElement(new TableRow(new TableCell(
                    new TableCellProperties(new GridSpan { Val = TableColumns.Length }),
                    Para("Пропозицій не надійшло.", "TableText"))));
            }
            writer.WriteEndElement(); // table
            writer.WriteElement(new Paragraph());
            foreach (var element in Approval())
            {
                writer.WriteElement(element);
            }
            writer.WriteElement(Section(landscape: true, footerId));
            writer.WriteEndElement(); // body
            writer.WriteEndElement(); // document
        }
        package.Complete();
    }

    /// <summary>Sheets: proposals, by settlement, by sphere, by category (with social groups, business kinds and channels), participation.</summary>
    public async Task WriteXlsxAsync(Stream output, Consultation consultation, ReportPeriod period, CancellationToken ct)
    {
        var report = await representation.BuildAsync(consultation, period, ct);
        using var xlsx = new XlsxWriter(output,
        [
            new SheetSpec("Пропозиції", ExportRow.Widths(false)),
            new SheetSpec("За населеними пунктами", [34, 40, 16, 16, 16, 16]),
            new SheetSpec("За сферами", [50, 12, 12, 12, 14, 14, 12, 12, 60]),
            new SheetSpec("За категоріями", [22, 40, 12, 12]),
            new SheetSpec("Участь", [44, ..Enumerable.Repeat(12.0, 13)]),
        ]);
        xlsx.NextSheet();
        xlsx.WriteHeader(ExportRow.Header(false));
        await foreach (var p in rows.ReadAsync(representation.Proposals(consultation.Id, period), personal: false, ct))
        {
            try
            {
                xlsx.WriteRow(ExportRow.Values(p, false, clock));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new ExportFailedException($"Proposal {p.Reference} could not be written to the workbook: {ex.Message}", ex);
            }
        }

        xlsx.NextSheet();
        xlsx.WriteHeader(["Старостинський округ", "Населений пункт", "Пропозицій (за місцем проживання авторів)", "Авторів (за місцем проживання)",
            "Пропозицій (стосуються населеного пункту)", "Авторів (стосуються населеного пункту)"]);
        var districts = report.ByDistrict.ToDictionary(d => d.Code, d => d.Label);
        foreach (var s in report.BySettlement)
        {
            xlsx.WriteRow([districts.GetValueOrDefault(s.District, s.District), s.Label, s.ByResidence.Proposals, s.ByResidence.Authors, s.Concerned.Proposals, s.Concerned.Authors]);
        }
        xlsx.WriteRow(["", "Місце проживання не зазначено", report.ResidenceUnknown.Proposals, report.ResidenceUnknown.Authors, "", ""]);
        xlsx.WriteRow(["", "Уся громада", "", "", report.ConcernsWholeHromada.Proposals, report.ConcernsWholeHromada.Authors]);
        xlsx.WriteRow(["", "Інший населений пункт", "", "", report.ConcernsUnlistedSettlement.Proposals, report.ConcernsUnlistedSettlement.Authors]);
        xlsx.WriteRow([]);
        foreach (var d in report.ByDistrict)
        {
            xlsx.WriteRow([d.Label, "(усього по округу)", d.ByResidence.Proposals, d.ByResidence.Authors, d.Concerned.Proposals, d.Concerned.Authors]);
        }

        xlsx.NextSheet();
        xlsx.WriteHeader(["Сфера", "Пропозицій", "Авторів", ProposalLabels.Decided(DecisionOutcome.Accepted), ProposalLabels.Decided(DecisionOutcome.PartiallyAccepted),
            ProposalLabels.Decided(DecisionOutcome.Rejected), "Без рішення", "Без теми", "Найчастіші теми"]);
        foreach (var s in report.BySphere)
        {
            xlsx.WriteRow([s.Label, s.Proposals, s.Authors, s.Outcomes.Accepted, s.Outcomes.PartiallyAccepted, s.Outcomes.Rejected, s.Outcomes.Undecided,
                s.WithoutTopic, string.Join("; ", s.TopTopics.Select(t => $"{t.Label} ({t.Proposals})"))]);
        }

        xlsx.NextSheet();
        xlsx.WriteHeader(["Розріз", "Значення", "Пропозицій", "Авторів"]);
        foreach (var (title, list) in new[]
                 {
                     ("Категорія автора", report.ByAuthorCategory), ("Соціальна група", report.BySocialGroup),
                     ("Вид діяльності", report.ByBusinessKind), ("Канал", report.ByChannel),
                 })
        {
            foreach (var x in list)
            {
                xlsx.WriteRow([title, x.Label, x.Proposals, x.Authors]);
            }
        }

        xlsx.NextSheet();
        ParticipationSheet.Write(xlsx, await participation.BuildAsync(consultation, ct));
        xlsx.Complete();
    }

    /// <summary>
    /// Who approved the report, at which meeting and when: filled in by hand and signed on the printed copy, as the
    /// working group approves the report after it is made. Kept together on one page.
    /// </summary>
    private static IEnumerable<OpenXmlElement> Approval()
    {
        Paragraph Line(string text, string? style = null)
        {
            var p = Para(text, style);
            var properties = p.ParagraphProperties!;
            if (properties.ParagraphStyleId is { } styleId)
            {
                properties.InsertAfter(new KeepNext(), styleId); // schema order: pStyle, keepNext
            }
            else
            {
                properties.PrependChild(new KeepNext());
            }
            return p;
        }

        yield return Line("5. Схвалення звіту", "Heading1");
        yield return Line("Звіт схвалено на засіданні робочої групи.");
        yield return Line("Протокол № ________ від «____» ________________ 20____ р.");
        yield return Line("Голова робочої групи          ______________________ (підпис)          ______________________________ (власне імʼя, ПРІЗВИЩЕ)");
        yield return Para("Секретар робочої групи        ______________________ (підпис)          ______________________________ (власне імʼя, ПРІЗВИЩЕ)");
    }

    private IEnumerable<OpenXmlElement> Opening(RepresentationReport report, List<(string RelId, string Name, byte[] Png)> images, string footerId)
    {
        var c = report.Consultation;
        yield return Para("Проміжний звіт про розгляд пропозицій", "Title");
        yield return Para(Clean(c.Title), "Subtitle");
        var period = $"Строк подання пропозицій: з {UkrainianCounts.Date(c.Opens)} до {UkrainianCounts.Date(c.Deadline)} включно"
                     + (c.Closed is { } closed ? $"; збір завершено {UkrainianCounts.Date(closed)}" : "") + ".";
        yield return Para(period);
        if (report.Period.From is not null || report.Period.To is not null)
        {
            yield return Para($"Звіт охоплює пропозиції, що надійшли {(report.Period.From is { } f ? $"з {UkrainianCounts.Date(f)} " : "")}"
                              + $"{(report.Period.To is { } t ? $"по {UkrainianCounts.Date(t)}" : $"по {UkrainianCounts.Date(clock.Today)}")}.");
        }
        yield return Para($"Сформовано {clock.Text(report.GeneratedAt)}.");

        yield return Para("1. Статистика надходження пропозицій", "Heading1");
        yield return Para(report.Statistics, justify: true);

        yield return Para("2. Представленість: прогалини", "Heading1");
        foreach (var gap in report.Gaps)
        {
            yield return Para("– " + gap, justify: true);
        }

        // The charts start a page: two to a page where they fit, none alone on half a page after the text.
        var charts = Para("3. Діаграми", "Heading1");
        charts.ParagraphProperties!.Append(new PageBreakBefore());
        yield return charts;
        uint id = 1;
        foreach (var (relId, name, png) in images)
        {
            yield return Picture(relId, id++, ChartRenderer.Title(name), png);
            yield return Para(ChartRenderer.Title(name), "Caption");
        }

        // The section so far is portrait; the table of proposals that follows is landscape.
        yield return new Paragraph(new ParagraphProperties(Section(landscape: false, footerId)));
        yield return Para("4. Розгляд пропозицій", "Heading1");
    }

    private static TableRow ProposalRow(int number, ProposalRow p)
    {
        var place = p.Settlement.Length > 0 ? p.Settlement : p.UnlistedSettlement.Length > 0 ? p.UnlistedSettlement : "Уся громада";
        var positions = p.Routes.Count == 0
            ? "Не передавалася на розгляд"
            : string.Join("\n", p.Routes.Select(r => r.Stance is { } s
                ? $"{r.ReviewBody}: {ProposalLabels.Stance(s)}" + (string.IsNullOrWhiteSpace(r.Justification) ? "" : $" — {r.Justification}")
                : $"{r.ReviewBody}: позицію не надано (строк до {UkrainianCounts.Date(r.DueDate)})"));
        var decision = p.Outcome is { } o
            ? ProposalLabels.Decided(o) + (p.ProtocolNumber.Length > 0 || p.ProtocolDate is not null
                ? $"\nпротокол{(p.ProtocolNumber.Length > 0 ? $" № {p.ProtocolNumber}" : "")}{(p.ProtocolDate is { } d ? $" від {UkrainianCounts.Date(d)}" : "")}"
                : "")
            : "Рішення не ухвалено";
        string[] values =
        [
            number.ToString(CultureInfo.InvariantCulture), p.Reference, p.Text, p.AuthorCategory, place,
            p.Sphere + (p.Topic.Length > 0 ? $" ({p.Topic})" : ""), positions, decision, p.Justification,
        ];
        return new TableRow(values.Select((v, i) => Cell(v, TableColumns[i].Width)));
    }

    private static Paragraph Picture(string relId, uint id, string title, byte[] png)
    {
        var (pixelWidth, pixelHeight) = PngSize(png);
        var fullWidth = (long)(PageShort - MarginWide - MarginNarrow);
        var height = fullWidth * pixelHeight / Math.Max(1, pixelWidth);
        var fit = height <= HalfPageChart ? height : height * 6 / 10 <= HalfPageChart ? HalfPageChart : Math.Min(height, FullPageChart);
        var cx = fullWidth * fit / Math.Max(1, height) * EmuPerTwip;
        var cy = fit * EmuPerTwip;
        var name = $"chart{id}.png";
        var inline = new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
            new DW.DocProperties { Id = id, Name = name, Description = title },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = name }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
        };
        return new Paragraph(new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }), new Run(new Drawing(inline)));
    }

    /// <summary>Width and height of a PNG from its IHDR chunk.</summary>
    private static (long Width, long Height) PngSize(byte[] png) => png.Length >= 24
        ? (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)))
        : (1, 1);

    private static string Clean(string text) => Hromada.Core.Text.TextSanitiser.Clean(text) ?? "";
}
