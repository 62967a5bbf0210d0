using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Hromada.Core.Conversation;
using MimeKit;

namespace Hromada.Bot.Email;

/// <summary>
/// Builds the e-mail for one outbox message: every part's text as one plain-text body, and an HTML alternative with
/// the same text escaped (paragraphs, line breaks, links made clickable); the subject is the first part's.
/// </summary>
internal static partial class EmailComposer
{
    public static MimeMessage Compose(MailboxAddress from, MailboxAddress to, IReadOnlyList<OutboundMessage> parts, string fallbackSubject,
        string messageId, DateTimeOffset date)
    {
        var text = string.Join("\n\n", parts.Select(p => p.Text.Trim()).Where(t => t.Length > 0));
        var subject = parts.Select(p => p.Subject).FirstOrDefault(s => !string.IsNullOrWhiteSpace(s)) ?? fallbackSubject;
        var message = new MimeMessage
        {
            Subject = OneLine(subject),
            MessageId = messageId,
            Date = date,
        };
        message.From.Add(from);
        message.To.Add(to);
        // Notices and letters are sent by a program: auto-responders and vacation replies leave them alone.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = text, HtmlBody = Html(text) };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>The plain text as simple HTML: everything escaped, blank lines as paragraphs, http(s) addresses as links.</summary>
    public static string Html(string text)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"uk\"><head><meta charset=\"utf-8\"></head>")
            .Append("<body style=\"font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:640px\">");
        foreach (var paragraph in Paragraphs().Split(text.Replace("\r\n", "\n", StringComparison.Ordinal)))
        {
            if (string.IsNullOrWhiteSpace(paragraph))
            {
                continue;
            }
            html.Append("<p>").Append(string.Join("<br>", paragraph.Trim().Split('\n').Select(Linked))).Append("</p>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Linked(string line)
    {
        var result = new StringBuilder();
        var at = 0;
        foreach (Match m in Url().Matches(line))
        {
            var url = m.Value.TrimEnd('.', ',', ';', ':', ')', '»');
            result.Append(WebUtility.HtmlEncode(line[at..m.Index]));
            var href = WebUtility.HtmlEncode(url);
            result.Append("<a href=\"").Append(href).Append("\">").Append(href).Append("</a>");
            at = m.Index + url.Length;
        }
        return result.Append(WebUtility.HtmlEncode(line[at..])).ToString();
    }

    private static string OneLine(string subject) => string.Join(' ', subject.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex Paragraphs();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex Url();
}
