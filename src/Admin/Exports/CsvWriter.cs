using System.Text;

namespace Hromada.Admin.Exports;

/// <summary>RFC 4180 CSV: a field with the delimiter, a quote or a line break is quoted, quotes doubled; lines end with CRLF.</summary>
internal sealed class CsvWriter(TextWriter writer, char delimiter)
{
    public async Task WriteRowAsync(IReadOnlyList<string> fields)
    {
        var line = new StringBuilder();
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                line.Append(delimiter);
            }
            line.Append(Escape(fields[i]));
        }
        line.Append("\r\n");
        await writer.WriteAsync(line.ToString());
    }

    private string Escape(string field)
    {
        if (field.IndexOfAny([delimiter, '"', '\r', '\n']) < 0)
        {
            return field;
        }
        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
