using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Hromada.Core.Community;
using Hromada.Core.Resources;
using Hromada.Core.Text;

namespace Hromada.Bot.PublicPages;

/// <summary>
/// The frame of the public pages (receipts, results): Ukrainian, readable on a phone, no script, one stylesheet of this
/// host (the Content-Security-Policy allows nothing else). Every value is HTML-encoded where it is written.
/// </summary>
internal sealed class PublicHtml
{
    public static readonly CultureInfo Culture = Ukrainian.Culture;
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    private readonly StringBuilder _html = new();

    public PublicHtml(string title, bool noIndex, bool feed = false)
    {
        _html.Append("<!DOCTYPE html><html lang=\"uk\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (noIndex)
        {
            _html.Append("<meta name=\"robots\" content=\"noindex\">");
        }
        if (feed)
        {
            // Lets a browser or a reader find the announcements' feed from the page.
            _html.Append("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"").Append(E(T("Feed_LinkTitle")))
                .Append("\" href=\"").Append(Hromada.Bot.Announcements.AtomFeed.Path).Append("\">");
        }
        _html.Append("<title>").Append(E(title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"/public/public.css\"></head><body><main>");
    }

    public static string T(string key, params object?[] args) => args.Length == 0 ? Texts.Get(key, Culture) : Texts.Format(key, Culture, args);

    public static string E(string? text) => Encoder.Encode(text ?? "");

    public static string Date(DateTimeOffset local) => CommunityClock.DateText(local);

    public static string Date(DateOnly date) => CommunityClock.DateText(date);

    /// <summary>The page a rate-limited visitor sees instead of the page they asked for.</summary>
    public static string TooManyRequests(int seconds) =>
        new PublicHtml(T("Public_TooManyTitle"), noIndex: true)
            .Element("h1", T("Public_TooManyTitle"))
            .Element("p", T("Public_TooMany", seconds))
            .Finish(null);

    /// <summary>Appends markup as it is (only for markup built here, never for data).</summary>
    public PublicHtml Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>Appends <paramref name="text"/> encoded, inside <paramref name="tag"/> (with an optional class).</summary>
    public PublicHtml Element(string tag, string? text, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(cssClass).Append('"');
        }
        _html.Append('>').Append(E(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>A block of the author's own text: encoded, its paragraphs and line breaks kept.</summary>
    public PublicHtml Paragraphs(string text, string cssClass)
    {
        _html.Append("<div class=\"").Append(cssClass).Append("\">");
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            _html.Append("<p>").Append(string.Join("<br>", paragraph.Trim().Split('\n').Select(E))).Append("</p>");
        }
        _html.Append("</div>");
        return this;
    }

    public string Finish(string? footer)
    {
        _html.Append("</main>");
        if (footer is not null)
        {
            _html.Append("<footer>").Append(E(footer)).Append("</footer>");
        }
        return _html.Append("</body></html>").ToString();
    }
}
