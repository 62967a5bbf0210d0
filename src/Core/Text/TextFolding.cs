using System.Text;

namespace Hromada.Core.Text;

/// <summary>
/// The one way names and texts are compared. People type the Ukrainian apostrophe as ' ’ ‘ ` ´ ʹ or ʼ, or leave it out
/// («Камянка»); dashes as - ‐ – — −; capitals and spaces at will. <see cref="Fold"/> makes these forms one text (the
/// apostrophe becomes ʼ); <see cref="Key"/> also drops the apostrophe, so «камянка» and «Кам'янка» compare equal.
/// </summary>
public static class TextFolding
{
    /// <summary>The Ukrainian apostrophe (U+02BC) every apostrophe form folds to.</summary>
    public const char Apostrophe = 'ʼ';

    /// <summary>True for the characters people use as a Ukrainian apostrophe.</summary>
    public static bool IsApostrophe(char c) =>
        c is '\'' or '’' or '‘' or '`' or '´' or 'ʼ' or 'ʹ' or 'ʻ' or '′' or '＇';

    /// <summary>True for the hyphen and dash forms.</summary>
    public static bool IsDash(char c) =>
        c is '-' or '‐' or '‑' or '‒' or '–' or '—' or '―' or '−';

    /// <summary>
    /// Lower case (Ukrainian rules), every apostrophe form as ʼ, every dash as -, runs of white space (line breaks
    /// included) as one space, no space at either end. Null is "".
    /// </summary>
    public static string Fold(string? text) => FoldCore(text, keepApostrophe: true);

    /// <summary>
    /// <see cref="Fold"/> without apostrophes: the key two names are compared by, so a name typed without its
    /// apostrophe still matches.
    /// </summary>
    public static string Key(string? text) => FoldCore(text, keepApostrophe: false);

    /// <summary>
    /// An e-mail address for comparison: trimmed, lower case, an apostrophe form typed on a Ukrainian keyboard as the
    /// ASCII ' an address has. Its absence is not folded: o'neill@ and oneill@ are different mailboxes. Null when empty.
    /// </summary>
    public static string? EmailKey(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }
        var sb = new StringBuilder(email.Length);
        foreach (var c in email.Trim())
        {
            sb.Append(IsApostrophe(c) ? '\'' : char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    private static string FoldCore(string? text, bool keepApostrophe)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var lower = text.ToLower(Ukrainian.Culture);
        var sb = new StringBuilder(lower.Length);
        var space = false;
        foreach (var c in lower)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (IsApostrophe(c) && !keepApostrophe)
            {
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(IsApostrophe(c) ? Apostrophe : IsDash(c) ? '-' : c);
        }
        return sb.ToString();
    }
}
