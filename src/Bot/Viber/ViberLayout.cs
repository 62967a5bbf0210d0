using System.Globalization;
using System.Text;

namespace Hromada.Bot.Viber;

/// <summary>Viber's limits on what one message may carry, and how our messages are cut to fit them.</summary>
internal static class ViberLayout
{
    public const int MaxTextLength = 7000;
    public const int MaxSenderName = 28;
    public const int MaxBroadcastReceivers = 300;

    /// <summary>Choice buttons on one keyboard page: a long catalog is paged, so the keyboard stays readable on a phone.</summary>
    public const int MaxButtons = 12;

    /// <summary>A button label; Viber allows 250 characters but crops what does not fit on the button with "…" anyway.</summary>
    public const int MaxButtonText = 60;

    public const string Reply = "reply";
    public const string SharePhone = "share-phone";
    public const string OpenUrl = "open-url";

    /// <summary>An open-url button's ActionBody (the address) may not be longer.</summary>
    public const int MaxUrlLength = 2048;

    public const string ChoicePrefix = "c:";
    public const string PagePrefix = "pg:";
    public const string StartBody = "/start";

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

    /// <summary>
    /// How <paramref name="count"/> choices are laid out on pages of <see cref="MaxButtons"/>: every page but the last
    /// ends with "next", every page but the first starts with "back".
    /// </summary>
    public static IReadOnlyList<(int Start, int Count)> Pages(int count)
    {
        if (count <= MaxButtons)
        {
            return [(0, count)];
        }
        var pages = new List<(int, int)>();
        for (var start = 0; start < count; start += MaxButtons)
        {
            pages.Add((start, Math.Min(MaxButtons, count - start)));
        }
        return pages;
    }
}
