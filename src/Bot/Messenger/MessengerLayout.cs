using System.Globalization;
using System.Text;

namespace Hromada.Bot.Messenger;

/// <summary>Messenger's limits on what one message may carry, and how our messages are cut to fit them.</summary>
internal static class MessengerLayout
{
    public const int MaxTextLength = 2000;
    public const int MaxQuickReplies = 13;
    public const int MaxTitleLength = 20;
    public const int MaxPayloadLength = 1000;

    /// <summary>A carousel (the generic template) holds at most 10 cards of at most 3 buttons.</summary>
    public const int MaxCards = 10;
    public const int ButtonsPerCard = 3;
    public const int MaxCardTitleLength = 80;

    /// <summary>
    /// Whether <paramref name="choices"/> choices go as a carousel: more than 13 quick replies hold, at most 30 (10 cards
    /// of 3), so each is one tap away instead of behind "next".
    /// </summary>
    public static bool FitsCarousel(int choices) => choices > MaxQuickReplies && choices <= MaxCards * ButtonsPerCard;

    /// <summary>The Send API's limit on a button template's text; a longer message goes as text, its link in the text.</summary>
    public const int MaxButtonTemplateText = 640;

    public const string ChoicePrefix = "c:";
    public const string PagePrefix = "pg:";
    public const string GetStartedPayload = "GET_STARTED";

    /// <summary>
    /// A quick-reply title of at most 20 characters (UTF-16, the stricter reading of Meta's limit): a longer label is
    /// cut between whole characters and ends with "…".
    /// </summary>
    public static string Title(string label)
    {
        var trimmed = label.Trim();
        if (trimmed.Length <= MaxTitleLength)
        {
            return trimmed;
        }
        var title = new StringBuilder();
        var elements = StringInfo.GetTextElementEnumerator(trimmed);
        while (elements.MoveNext() && title.Length + elements.GetTextElement().Length <= MaxTitleLength - 1)
        {
            title.Append(elements.GetTextElement());
        }
        return title.ToString().TrimEnd() + "…";
    }

    /// <summary>
    /// Text cut into messages of at most 2000 characters, on paragraph boundaries where it can be,
    /// then on line breaks, then on spaces, and only as a last resort inside a word.
    /// </summary>
    public static IReadOnlyList<string> SplitText(string text, int limit = MaxTextLength)
    {
        var chunks = new List<string>();
        Split(text.Trim(), limit, ["\n\n", "\n", " "], chunks);
        return chunks.Count == 0 ? [""] : chunks;
    }

    private static void Split(string text, int limit, string[] separators, List<string> chunks)
    {
        if (text.Length <= limit)
        {
            if (text.Length > 0)
            {
                chunks.Add(text);
            }
            return;
        }
        if (separators.Length == 0)
        {
            var i = 0;
            while (i < text.Length)
            {
                var length = Math.Min(limit, text.Length - i);
                if (i + length < text.Length && char.IsHighSurrogate(text[i + length - 1]))
                {
                    length--;
                }
                chunks.Add(text.Substring(i, length));
                i += length;
            }
            return;
        }

        var separator = separators[0];
        var current = new StringBuilder();
        foreach (var part in text.Split(separator))
        {
            if (current.Length > 0 && current.Length + separator.Length + part.Length <= limit)
            {
                current.Append(separator).Append(part);
                continue;
            }
            Flush(current, chunks);
            if (part.Length > limit)
            {
                Split(part.Trim(), limit, separators[1..], chunks);
            }
            else
            {
                current.Append(part);
            }
        }
        Flush(current, chunks);
    }

    private static void Flush(StringBuilder current, List<string> chunks)
    {
        if (current.Length > 0)
        {
            var text = current.ToString().Trim();
            if (text.Length > 0)
            {
                chunks.Add(text);
            }
            current.Clear();
        }
    }

    /// <summary>
    /// How <paramref name="count"/> items are laid out on pages of 13 quick replies: the first page has 12 items and
    /// "next", middle pages "back", 11 items and "next", the last page "back" and up to 12 items.
    /// </summary>
    public static IReadOnlyList<(int Start, int Count)> Pages(int count)
    {
        if (count <= MaxQuickReplies)
        {
            return [(0, count)];
        }
        var pages = new List<(int, int)> { (0, MaxQuickReplies - 1) };
        var start = MaxQuickReplies - 1;
        while (start < count)
        {
            var remaining = count - start;
            var take = remaining <= MaxQuickReplies - 1 ? remaining : MaxQuickReplies - 2;
            pages.Add((start, take));
            start += take;
        }
        return pages;
    }
}
