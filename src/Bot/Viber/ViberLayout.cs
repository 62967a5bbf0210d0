using System.Globalization;
using System.Text;
using Hromada.Core.Conversation;

namespace Hromada.Bot.Viber;

/// <summary>Viber's limits on what one message may carry, and how our messages are cut to fit them.</summary>
internal static class ViberLayout
{
    public const int MaxTextLength = 7000;
    public const int MaxSenderName = 28;
    public const int MaxBroadcastReceivers = 300;

    /// <summary>
    /// Rows of choice buttons on one keyboard page: a long catalog is paged, so the keyboard stays readable on a phone.
    /// A short label takes half a row (two side by side), so up to 24 short choices (the catalog's settlements) fit one page.
    /// </summary>
    public const int MaxRows = 12;

    /// <summary>A label this short goes on half a row (3 of Viber's 6 columns) beside another short one.</summary>
    public const int MaxHalfRowLabel = 18;

    /// <summary>A button label; Viber allows 250 characters but crops what does not fit on the button with "…" anyway.</summary>
    public const int MaxButtonText = 60;

    public const string Reply = "reply";
    public const string SharePhone = "share-phone";
    public const string OpenUrl = "open-url";

    /// <summary>An open-url button's ActionBody (the address) may not be longer.</summary>
    public const int MaxUrlLength = 2048;

    public const string ChoicePrefix = "c:";
    public const string PagePrefix = "pg:";
    public const string StartBody = ChatCommands.Start;

    /// <summary>A button label of at most <see cref="MaxButtonText"/> characters, cut between whole characters with "…".</summary>
    public static string Label(string label)
    {
        var trimmed = label.Trim();
        if (trimmed.Length <= MaxButtonText)
        {
            return trimmed;
        }
        var text = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(trimmed);
        while (elements.MoveNext() && text.Length + elements.GetTextElement().Length <= MaxButtonText - 1)
        {
            text.Append(elements.GetTextElement());
        }
        return text.ToString().TrimEnd() + "…";
    }

    /// <summary>Whether a label goes on half a row.</summary>
    public static bool IsShort(string label) => label.Length <= MaxHalfRowLabel;

    /// <summary>
    /// The columns of each button (6 a whole row, 3 half of one): two short labels next to each other share a row, any
    /// other label has its own — short labels two to a row, long ones alone, as in Telegram.
    /// </summary>
    public static IReadOnlyList<int> Columns(IReadOnlyList<string> labels)
    {
        var columns = new int[labels.Count];
        var i = 0;
        while (i < labels.Count)
        {
            if (IsShort(labels[i]) && i + 1 < labels.Count && IsShort(labels[i + 1]))
            {
                columns[i] = columns[i + 1] = 3;
                i += 2;
            }
            else
            {
                columns[i] = 6;
                i++;
            }
        }
        return columns;
    }

    /// <summary>
    /// How <paramref name="labels"/> are laid out on pages of at most <see cref="MaxRows"/> rows (see <see cref="Columns"/>):
    /// every page but the last ends with "next", every page but the first starts with "back".
    /// </summary>
    public static IReadOnlyList<(int Start, int Count)> Pages(IReadOnlyList<string> labels)
    {
        var pages = new List<(int, int)>();
        var start = 0;
        while (start < labels.Count || pages.Count == 0)
        {
            var page = labels.Skip(start).ToList();
            var columns = Columns(page);
            var (rows, count) = (0, 0);
            while (count < page.Count && rows < MaxRows)
            {
                count += columns[count] == 3 ? 2 : 1;
                rows++;
            }
            pages.Add((start, count));
            start += count;
            if (count == 0)
            {
                break;
            }
        }
        return pages;
    }
}
