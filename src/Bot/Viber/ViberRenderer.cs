using System.Globalization;
using Hromada.Bot.Channels;
using Hromada.Bot.Messenger;
using Hromada.Core.Conversation;
using Hromada.Core.Resources;

namespace Hromada.Bot.Viber;

/// <summary>
/// Turns the engine's messages into Viber messages: text cut at 7000 characters, choices as a keyboard of reply buttons
/// (silent, their ActionBody <c>c:{value}</c>; short labels two to a row), the contact question with the share-phone button,
/// and lists longer than <see cref="ViberLayout.MaxRows"/> rows paged with "next"/"back" buttons (the list stored, see
/// <see cref="PagedMenuStore"/>).
/// </summary>
internal sealed class ViberRenderer(PagedMenuStore menus)
{
    public async Task<IReadOnlyList<ViberMessage>> RenderAsync(OutboundMessage message, CultureInfo culture, CancellationToken ct)
    {
        var chunks = MessengerLayout.SplitText(message.Text, ViberLayout.MaxTextLength);
        var result = chunks.Take(chunks.Count - 1).Select(c => new ViberMessage(c)).ToList();
        var last = string.IsNullOrWhiteSpace(chunks[^1]) ? "…" : chunks[^1];
        // A link the resident keeps (the receipt): a button that opens it, above any choices; the text carries it too.
        var link = message.Link is { } l && Uri.TryCreate(l.Url, UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && l.Url.Length <= ViberLayout.MaxUrlLength
            ? new ViberButton(ViberLayout.OpenUrl, l.Url, ViberLayout.Label(l.Label), Silent: true)
            : null;
        if (message.Choices.Count == 0 && !message.RequestContact)
        {
            result.Add(link is null ? new ViberMessage(last) : new ViberMessage(last, new ViberKeyboard([link])));
            return result;
        }
        var menu = new StoredMenu(last, message.Choices, message.RequestContact);
        var key = ViberLayout.Pages(Labels(menu)).Count > 1 ? await menus.StoreAsync(menu, ct) : "";
        var keyboard = Keyboard(menu, 1, key, culture);
        result.Add(new ViberMessage(last, link is null ? keyboard : keyboard with { Buttons = [link, .. keyboard.Buttons] }));
        return result;
    }

    /// <summary>The message of a "next"/"back" tap (<c>pg:{page}|{key}</c>); null when the list is unknown.</summary>
    public async Task<ViberMessage?> RenderPageAsync(string body, CultureInfo culture, CancellationToken ct)
    {
        var rest = body[ViberLayout.PagePrefix.Length..];
        var bar = rest.IndexOf('|', StringComparison.Ordinal);
        if (bar <= 0 || !int.TryParse(rest[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out var page))
        {
            return null;
        }
        var key = rest[(bar + 1)..];
        return await menus.LoadAsync(key, ct) is { } menu ? new ViberMessage(menu.Text, Keyboard(menu, page, key, culture)) : null;
    }

    private static ViberKeyboard Keyboard(StoredMenu menu, int page, string key, CultureInfo culture)
    {
        var buttons = new List<ViberButton>();
        if (menu.RequestContact)
        {
            buttons.Add(new ViberButton(ViberLayout.SharePhone, "phone", Texts.Get("Viber_ShareContact", culture)));
        }
        var labels = Labels(menu);
        var pages = ViberLayout.Pages(labels);
        page = Math.Clamp(page, 1, pages.Count);
        var (start, count) = pages[page - 1];
        var columns = ViberLayout.Columns([.. labels.Skip(start).Take(count)]);
        buttons.AddRange(menu.Choices.Skip(start).Take(count).Select((c, i) =>
            new ViberButton(ViberLayout.Reply, ViberLayout.ChoicePrefix + c.Value, labels[start + i], columns[i], Silent: true)));
        var wide = page > 1 && page < pages.Count ? 3 : 6;
        if (page > 1)
        {
            buttons.Add(Nav(Texts.Get("Viber_PreviousPage", culture), page - 1, key, wide));
        }
        if (page < pages.Count)
        {
            buttons.Add(Nav(Texts.Get("Viber_NextPage", culture), page + 1, key, wide));
        }
        return new ViberKeyboard(buttons);
    }

    private static List<string> Labels(StoredMenu menu) => [.. menu.Choices.Select(c => ViberLayout.Label(c.ShortLabel ?? c.Label))];

    private static ViberButton Nav(string label, int page, string key, int columns) =>
        new(ViberLayout.Reply, $"{ViberLayout.PagePrefix}{page.ToString(CultureInfo.InvariantCulture)}|{key}", label, columns, Silent: true);
}
