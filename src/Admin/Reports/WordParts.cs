using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using Hromada.Core.Text;

namespace Hromada.Admin.Reports;

/// <summary>The pieces the service's Word documents (the interim report, a meeting's protocol) are made of: A4 pages, styles, paragraphs, cells.</summary>
internal static class WordParts
{
    // A4 in twentieths of a point; 2 cm margins left, top and bottom, 1.5 cm right.
    internal const int PageShort = 11906;
    internal const int PageLong = 16838;
    internal const int MarginWide = 1134;
    internal const int MarginNarrow = 850;
    internal const long EmuPerTwip = 635;

    internal static TableCell Cell(string text, int width, bool bold = false) => new(
        new TableCellProperties(new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(CultureInfo.InvariantCulture) }),
        Para(text, "TableText", bold: bold));

    /// <summary>A paragraph; its text is cleaned of what XML cannot hold here, for every document and field alike.</summary>
    internal static Paragraph Para(string text, string? style = null, bool justify = false, bool bold = false, bool center = false)
    {
        text = Hromada.Core.Text.TextSanitiser.ForXml(text);
        var properties = new ParagraphProperties();
        if (style is not null)
        {
            properties.Append(new ParagraphStyleId { Val = style });
        }
        if (justify || center)
        {
            properties.Append(new Justification { Val = center ? JustificationValues.Center : JustificationValues.Both });
        }
        var paragraph = new Paragraph(properties);
        if (text.Length == 0)
        {
            return paragraph;
        }
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        paragraph.Append(run);
        return paragraph;
    }

    /// <summary>An A4 section; with <paramref name="footerId"/>, its pages carry that footer (the page numbers).</summary>
    internal static SectionProperties Section(bool landscape, string? footerId = null)
    {
        var section = Section(landscape);
        if (footerId is not null)
        {
            section.PrependChild(new FooterReference { Type = HeaderFooterValues.Default, Id = footerId });
        }
        return section;
    }

    /// <summary>«Сторінка N з M», centred, for <see cref="Section(bool, string)"/>'s footer.</summary>
    internal static Footer PageNumbers() => new(new Paragraph(
        new ParagraphProperties(new ParagraphStyleId { Val = "Caption" }, new Justification { Val = JustificationValues.Center }),
        new Run(new Text("Сторінка ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
        new Run(new Text(" з ") { Space = SpaceProcessingModeValues.Preserve }),
        new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));

    internal static SectionProperties Section(bool landscape) => new(
        landscape
            ? new PageSize { Width = PageLong, Height = PageShort, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = PageShort, Height = PageLong },
        new PageMargin
        {
            Top = MarginWide, Bottom = MarginWide, Left = MarginWide, Right = MarginNarrow,
            Header = 708, Footer = 708, Gutter = 0,
        });

    internal static Styles Styles()
    {
        static Style Paragraph(string id, string name, int halfPoints, bool bold = false, int before = 0, int after = 120, string? basedOn = "Normal",
            bool center = false, bool italic = false, bool keepNext = false)
        {
            // Schema order: keepNext, spacing, jc.
            var pPr = new StyleParagraphProperties();
            if (keepNext) pPr.Append(new KeepNext());
            pPr.Append(new SpacingBetweenLines { Before = before.ToString(CultureInfo.InvariantCulture), After = after.ToString(CultureInfo.InvariantCulture) });
            if (center) pPr.Append(new Justification { Val = JustificationValues.Center });
            var rPr = new StyleRunProperties();
            if (bold) rPr.Append(new Bold());
            if (italic) rPr.Append(new Italic());
            rPr.Append(new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
            var style = new Style(new StyleName { Val = name }) { Type = StyleValues.Paragraph, StyleId = id };
            if (basedOn is not null) style.Append(new BasedOn { Val = basedOn });
            style.Append(new PrimaryStyle(), pPr, rPr);
            return style;
        }

        var normal = Paragraph("Normal", "Normal", 24, basedOn: null);
        normal.Default = true;
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Times New Roman", HighAnsi = "Times New Roman", ComplexScript = "Times New Roman", EastAsia = "Times New Roman" },
                    new FontSize { Val = "24" }, new Languages { Val = Ukrainian.Name })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            normal,
            Paragraph("Title", "Title", 32, bold: true, after: 120, center: true),
            Paragraph("Subtitle", "Subtitle", 26, after: 240, center: true, italic: true),
            Paragraph("Heading1", "heading 1", 28, bold: true, before: 240, after: 120, keepNext: true),
            Paragraph("Caption", "caption", 20, after: 240, center: true, italic: true),
            Paragraph("TableText", "Table Text", 18, after: 0));
    }
}
