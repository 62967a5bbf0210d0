using System.Globalization;
using Hromada.Core.Conversation;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Resources;
using Hromada.Bot.Channels;

namespace Hromada.Bot.Messenger;

/// <summary>
/// Turns the engine's messages into Send API messages: text cut at 2000 characters, choices as quick replies, 14–30
/// choices as a carousel of cards with three buttons each, and longer lists paged with "next"/"back" quick replies. A paged list is stored (a <see cref="PagedMenu"/> keyed
/// by its hash, see <see cref="PagedMenuStore"/>) so any instance can show another page without asking the engine again.
/// </summary>
internal sealed class MessengerRenderer(PagedMenuStore menus)
{
    public async Task<IReadOnlyList<GraphMessage>> RenderAsync(OutboundMessage message, CultureInfo culture, CancellationToken ct)
    {
        var chunks = MessengerLayout.SplitText(message.Text);
        var items = QuickReplies(message.Choices, message.RequestContact);
        var result = chunks.Take(chunks.Count - 1).Select(c => new GraphMessage(c)).ToList();
        var last = NonEmpty(chunks[^1]);
        if (message.Link is { } link && last.Length <= MessengerLayout.MaxButtonTemplateText && items.Count <= MessengerLayout.MaxQuickReplies
            && Uri.TryCreate(link.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            // A link the resident keeps (the receipt): a button that opens it, under the text that also carries it.
            result.Add(GraphMessage.WithUrlButton(last, MessengerLayout.Title(link.Label), link.Url, items.Count == 0 ? null : items));
        }
        else if (items.Count == 0)
        {
            result.Add(new GraphMessage(last));
        }
        else if (items.Count <= MessengerLayout.MaxQuickReplies)
        {
            result.Add(new GraphMessage(last, items));
        }
        else if (!message.RequestContact && MessengerLayout.FitsCarousel(message.Choices.Count))
        {
            // 14–30 choices (the catalog's settlements on one keyboard): the question, then cards of three buttons side by
            // side, so every choice is one tap away rather than some behind "next".
            result.Add(new GraphMessage(last));
            result.Add(GraphMessage.Carousel(Cards(message.Choices, culture)));
        }
        else
        {
            var menu = new StoredMenu(last, message.Choices, message.RequestContact);
            var hash = await menus.StoreAsync(menu, ct);
            result.Add(new GraphMessage(last, Page(items, 1, hash, culture)));
        }
        return result;
    }

    /// <summary>The message of a "next"/"back" tap (payload <c>pg:{page}|{hash}</c>); null when the list is unknown.</summary>
    public async Task<GraphMessage?> RenderPageAsync(string payload, CultureInfo culture, CancellationToken ct)
    {
        var body = payload[MessengerLayout.PagePrefix.Length..];
        var bar = body.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || !int.TryParse(body[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            return null;
        }
        var hash = body[(bar + 1)..];
        if (await menus.LoadAsync(hash, ct) is not { } menu)
        {
            return null;
        }
        return new GraphMessage(menu.Text, Page(QuickReplies(menu.Choices, menu.RequestContact), page, hash, culture));
    }

    private static List<GraphElement> Cards(IReadOnlyList<Choice> choices, CultureInfo culture) =>
        choices.Chunk(MessengerLayout.ButtonsPerCard).Select((card, i) => new GraphElement(
            Texts.Format("Messenger_CardTitle", culture, i * MessengerLayout.ButtonsPerCard + 1, i * MessengerLayout.ButtonsPerCard + card.Length, choices.Count),
            i == 0 ? Texts.Get("Messenger_CardsSwipe", culture) : null,
            card.Select(c => new GraphButton("postback", MessengerLayout.Title(c.ShortLabel ?? c.Label), Payload: MessengerLayout.ChoicePrefix + c.Value)).ToList()))
            .ToList();

    private static List<GraphQuickReply> QuickReplies(IReadOnlyList<Choice> choices, bool requestContact)
    {
        var items = new List<GraphQuickReply>();
        if (requestContact)
        {
            items.Add(new GraphQuickReply("user_phone_number"));
        }
        items.AddRange(choices.Select(c => new GraphQuickReply("text", MessengerLayout.Title(c.ShortLabel ?? c.Label), MessengerLayout.ChoicePrefix + c.Value)));
        return items;
    }

    private static List<GraphQuickReply> Page(List<GraphQuickReply> items, int page, string hash, CultureInfo culture)
    {
        var pages = MessengerLayout.Pages(items.Count);
        page = Math.Clamp(page, 1, pages.Count);
        var (start, count) = pages[page - 1];
        var replies = new List<GraphQuickReply>();
        if (page > 1)
        {
            replies.Add(Nav(Texts.Get("Messenger_PreviousPage", culture), page - 1, hash));
        }
        replies.AddRange(items.Skip(start).Take(count));
        if (page < pages.Count)
        {
            replies.Add(Nav(Texts.Get("Messenger_NextPage", culture), page + 1, hash));
        }
        return replies;
    }

    private static GraphQuickReply Nav(string label, int page, string hash) =>
        new("text", MessengerLayout.Title(label), $"{MessengerLayout.PagePrefix}{page.ToString(CultureInfo.InvariantCulture)}|{hash}");

    private static string NonEmpty(string text) => string.IsNullOrWhiteSpace(text) ? "…" : text;
}
