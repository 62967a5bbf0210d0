using System.Text;

namespace Hromada.Admin.Intake;

/// <summary>Reads RFC 4180 CSV (what Google Forms exports): quoted fields may hold delimiters, quotes and line breaks.</summary>
internal static class CsvReader
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var delimiter = DetectDelimiter(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    break;
                default:
                    if (c == delimiter)
                    {
                        row.Add(field.ToString());
                        field.Clear();
                    }
                    else
                    {
                        field.Append(c);
                    }
                    break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }
        rows.RemoveAll(r => r.All(string.IsNullOrWhiteSpace));
        return rows;
    }

    /// <summary>Google Forms writes commas; a sheet re-saved by Ukrainian Excel writes semicolons.</summary>
    private static char DetectDelimiter(string text)
    {
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var n and >= 0 ? n : text.Length));
        return firstLine.Count(';') > firstLine.Count(',') ? ';' : ',';
    }
}
