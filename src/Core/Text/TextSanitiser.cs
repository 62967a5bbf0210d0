using System.Text;

namespace Hromada.Core.Text;

/// <summary>
/// Cleans text that people send or import before it is stored: characters XML cannot hold (C0 controls but tab, line
/// feed and carriage return; U+FFFE/U+FFFF; lone surrogates) would break XLSX and DOCX files, and bidirectional
/// controls (U+202A–U+202E, U+2066–U+2069) can make a text read differently from what it is. Line breaks are kept and
/// normalised to \n.
/// </summary>
public static class TextSanitiser
{
    /// <summary>The text without the characters above; null stays null. Does not trim.</summary>
    public static string? Clean(string? text)
    {
        if (text is null || !NeedsCleaning(text))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                continue;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
                continue;
            }
            if (IsRemoved(c))
            {
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The one cleaning for every text written into an XML document — the Atom feed, DOCX, XLSX — applied where the
    /// writer writes it, whatever field or template the text came from: an old row stored before the input rules, or
    /// a notice's template filled with a title or a reason, cannot break the document. Null becomes empty.
    /// </summary>
    public static string ForXml(string? text) => Clean(text) ?? "";

    /// <summary>True when <see cref="Clean"/> would change the text.</summary>
    public static bool NeedsCleaning(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                return true;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsRemoved(c))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Where the first character <see cref="Clean"/> would remove is (a control character, U+FFFE/U+FFFF, a lone
    /// surrogate, a bidirectional control), or -1: tab, line feed and carriage return are kept. What admin inputs are held to.
    /// </summary>
    public static int IndexOfRemoved(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (c != '\r' && IsRemoved(c))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsRemoved(char c) =>
        (c < 0x20 && c is not '\t' and not '\n')
        || c is '\uFFFE' or '\uFFFF'
        || char.IsSurrogate(c)
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069';
}
