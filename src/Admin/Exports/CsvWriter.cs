using System.Text;

namespace Hromada.Admin.Exports;

/// <summary>
/// RFC 4180 CSV as OWASP recommends for spreadsheets: every field quoted (quotes doubled), a field that a spreadsheet
/// would take for a formula prefixed with <c>'</c>; lines end with CRLF.
/// </summary>
public sealed class CsvWriter(TextWriter writer, char delimiter)
{
    private readonly StringBuilder _line = new();

    public async Task WriteRowAsync(IReadOnlyList<string> fields)
    {
        _line.Clear();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                _line.Append(delimiter);
            }
            _line.Append('"').Append(SpreadsheetSafety.ForCsv(fields[i]).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }
        _line.Append("\r\n");
        await writer.WriteAsync(_line);
    }
}
