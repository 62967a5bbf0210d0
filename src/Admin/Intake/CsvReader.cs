using System.Runtime.CompilerServices;
using System.Text;

namespace Hromada.Admin.Intake;

/// <summary>
/// Reads RFC 4180 CSV (what Google Forms exports): quoted fields may hold delimiters, quotes and line breaks. Streams:
/// one row at a time from the reader, blank rows skipped as they come, so a file of empty lines costs nothing.
/// </summary>
internal static class CsvReader
{
    private const int HeaderPeek = 64 * 1024;

    public static async IAsyncEnumerable<string[]> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var buffer = new char[16 * 1024];
        // The first line (up to 64 K characters) is read ahead to tell the delimiter.
        var head = new StringBuilder();
        var ended = false;
        while (head.Length < HeaderPeek && !Contains(head, '\n'))
        {
            var n = await reader.ReadAsync(buffer.AsMemory(), ct);
            if (n == 0)
            {
                ended = true;
                break;
            }
            head.Append(buffer, 0, n);
        }
        var delimiter = DetectDelimiter(head);

        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var pendingQuote = false;
        var chunk = head.ToString();
        while (true)
        {
            foreach (var c in chunk)
            {
                if (pendingQuote)
                {
                    pendingQuote = false;
                    if (c == '"')
                    {
                        field.Append('"');
                        continue;
                    }
                    quoted = false;
                }
                if (quoted)
                {
                    if (c == '"')
                    {
                        pendingQuote = true;
                    }
                    else
                    {
                        field.Append(c);
                    }
                    continue;
                }
                if (c == '"')
                {
                    quoted = true;
                }
                else if (c == '\n')
                {
                    row.Add(field.ToString());
                    field.Clear();
                    if (!row.TrueForAll(string.IsNullOrWhiteSpace))
                    {
                        yield return [.. row];
                    }
                    row.Clear();
                }
                else if (c == delimiter)
                {
                    row.Add(field.ToString());
                    field.Clear();
                }
                else if (c != '\r')
                {
                    field.Append(c);
                }
            }
            if (ended)
            {
                break;
            }
            var read = await reader.ReadAsync(buffer.AsMemory(), ct);
            if (read == 0)
            {
                break;
            }
            chunk = new string(buffer, 0, read);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            if (!row.TrueForAll(string.IsNullOrWhiteSpace))
            {
                yield return [.. row];
            }
        }
    }

    /// <summary>Google Forms writes commas; a sheet re-saved by Ukrainian Excel writes semicolons.</summary>
    private static char DetectDelimiter(StringBuilder head)
    {
        int commas = 0, semicolons = 0;
        for (var i = 0; i < head.Length && head[i] != '\n'; i++)
        {
            if (head[i] == ',') commas++;
            else if (head[i] == ';') semicolons++;
        }
        return semicolons > commas ? ';' : ',';
    }

    private static bool Contains(StringBuilder text, char c)
    {
        foreach (var chunk in text.GetChunks())
        {
            if (chunk.Span.Contains(c))
            {
                return true;
            }
        }
        return false;
    }
}
