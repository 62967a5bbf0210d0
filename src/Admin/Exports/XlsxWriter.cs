using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Hromada.Admin.Exports;

/// <summary>One worksheet of a workbook: its tab name and column widths (in characters).</summary>
internal sealed record SheetSpec(string Name, IReadOnlyList<double> Widths);

/// <summary>
/// A workbook written sheet by sheet, row by row, so rows never pile up in memory. Every text is an inline string
/// (never a formula, never a number — a phone stays text); a text that a spreadsheet would take for a formula also
/// carries Excel's quote prefix. Call <see cref="Complete"/> at the end; if anything fails before that,
/// <see cref="Dispose"/> only lets go, so the exception that stopped the writing is the one the caller sees.
/// </summary>
internal sealed class XlsxWriter : IDisposable
{
    private const uint TextStyle = 1;
    private const uint QuotedTextStyle = 2;
    private const uint HeaderStyle = 3;
    private const uint NumberStyle = 4;

    private readonly OpenXmlStreaming _package;
    private readonly IReadOnlyList<SheetSpec> _sheets;
    private OpenXmlWriter? _writer;
    private int _sheet = -1;
    private bool _failed;

    public XlsxWriter(Stream output, IReadOnlyList<SheetSpec> sheets)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sheets.Count);
        _sheets = sheets;
        using var skeleton = new MemoryStream();
        var entries = new List<string>();
        using (var document = SpreadsheetDocument.Create(skeleton, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var list = new Sheets();
            for (var i = 0; i < sheets.Count; i++)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                part.Worksheet = new Worksheet(new SheetData());
                list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)(i + 1), Name = sheets[i].Name });
                entries.Add(OpenXmlStreaming.EntryName(part));
            }
            workbook.Workbook = new Workbook(list);
        }
        _package = new OpenXmlStreaming(output, skeleton, entries);
    }

    /// <summary>Starts the next sheet (the first one at the first call).</summary>
    public void NextSheet() => Guard(() =>
    {
        EndSheet();
        _sheet++;
        _writer = OpenXmlWriter.Create(_package.NextPart());
        _writer.WriteStartDocument();
        _writer.WriteStartElement(new Worksheet());
        _writer.WriteElement(new SheetViews(new SheetView(
            new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
        { WorkbookViewId = 0 }));
        var columns = new Columns();
        var widths = _sheets[_sheet].Widths;
        for (var i = 0; i < widths.Count; i++)
        {
            columns.Append(new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = widths[i], CustomWidth = true });
        }
        if (widths.Count > 0)
        {
            _writer.WriteElement(columns);
        }
        _writer.WriteStartElement(new SheetData());
    });

    public void WriteHeader(IReadOnlyList<string> values) => WriteRow(values.Select(v => (object?)v).ToList(), HeaderStyle);

    public void WriteRow(IReadOnlyList<string> values) => WriteRow(values.Select(v => (object?)v).ToList(), TextStyle);

    /// <summary>A row of texts and numbers (ints are written as numbers, everything else as text).</summary>
    public void WriteRow(IReadOnlyList<object?> values, uint textStyle = TextStyle) => Guard(() =>
    {
        var writer = _writer ?? throw new InvalidOperationException("Call NextSheet() before writing rows.");
        writer.WriteStartElement(new Row());
        foreach (var value in values)
        {
            if (value is int n)
            {
                writer.WriteElement(new Cell { CellValue = new CellValue(n), StyleIndex = NumberStyle });
                continue;
            }
            // Cleaned where it is written, for every column: a character XML cannot hold would make the file unreadable.
            var text = SpreadsheetSafety.Fit(Hromada.Core.Text.TextSanitiser.ForXml(value?.ToString()));
            writer.WriteElement(new Cell
            {
                DataType = CellValues.InlineString,
                StyleIndex = textStyle == TextStyle && SpreadsheetSafety.LooksLikeFormula(text) ? QuotedTextStyle : textStyle,
                InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
            });
        }
        writer.WriteEndElement();
    });

    /// <summary>Ends the last sheet and the package. Only after this is the output a workbook.</summary>
    public void Complete() => Guard(() =>
    {
        EndSheet();
        _package.Complete();
    });

    public void Dispose()
    {
        if (_failed || _writer is not null)
        {
            // Abandoned mid-way: no closing tags into a writer that may be in error state (its exception would hide the real one).
            try
            {
                _writer?.Dispose();
            }
#pragma warning disable CA1031
            catch (Exception)
#pragma warning restore CA1031
            {
            }
            _writer = null;
        }
        _package.Dispose();
    }

    private void EndSheet()
    {
        if (_writer is null)
        {
            return;
        }
        _writer.WriteEndElement(); // sheetData
        _writer.WriteEndElement(); // worksheet
        _writer.Close();
        _writer = null;
    }

    private void Guard(Action action)
    {
        if (_failed)
        {
            throw new InvalidOperationException("The workbook already failed; see the first error.");
        }
        try
        {
            action();
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    private static Stylesheet Stylesheet() => new(
        new Fonts(
            new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
            new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }))
        { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 },
            // 49 is the built-in "@" (text) format: editing the cell keeps it text.
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
            { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
            { NumberFormatId = 49, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyAlignment = true, QuotePrefix = true },
            new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = true })
            { NumberFormatId = 49, FontId = 1, FillId = 0, BorderId = 0, FormatId = 0, ApplyNumberFormat = true, ApplyFont = true, ApplyAlignment = true },
            new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0, FormatId = 0 })
        { Count = 5 },
        new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
}
