using Hromada.Bot.PublicPages;
using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Hromada.Bot.PublicPages.PublicHtml;

namespace Hromada.Bot.Announcements;

/// <summary>
/// <c>/announcements/{id}</c>: one announcement the feed lists, as a public page — what a feed entry's link opens on the
/// council's site. Anything the feed does not list (scheduled, cancelled, not for the feed) answers 404.
/// </summary>
internal static class AnnouncementPage
{
    // Any text, not {id:guid}: a mangled link gets this page's own "not found", not the API's JSON 404.
    public const string Route = "/announcements/{id}";

    public static string PathOf(Guid id) => $"/announcements/{id}";

    public const string CardRoute = "/announcements/{id}/card.jpg";

    /// <summary>The card of an announcement that went out to Instagram; 404 for anything else, so nothing shows before its time.</summary>
    public static async Task<IResult> CardAsync(string id, AnnouncementCards cards, HttpContext http, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var publicId) || await cards.PublishedAsync(publicId, ct) is not { } jpeg)
        {
            return Results.NotFound();
        }
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.File(jpeg, AnnouncementCards.ContentType);
    }

    public static async Task<IResult> ShowAsync(
        string id, HromadaDbContext db, IOptions<CommunityOptions> community, CommunityClock clock, HttpContext http, CancellationToken ct)
    {
        var a = !Guid.TryParse(id, out var publicId) ? null : await AtomFeed.Published(db).Where(x => x.PublicId == publicId)
            .Select(x => new { x.Title, Text = x.SentText ?? x.Text, x.StartedAt })
            .SingleOrDefaultAsync(ct);
        if (a is null)
        {
            var missing = new PublicHtml(T("AnnouncementPage_NotFoundTitle"), noIndex: true, feed: true)
                .Element("h1", T("AnnouncementPage_NotFoundTitle"))
                .Element("p", T("AnnouncementPage_NotFound"))
                .Finish(community.Value.Name);
            return Results.Content(missing, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        }
        http.Response.Headers.CacheControl = "public, max-age=300";
        var text = TextSanitiser.ForXml(a.Text);
        var title = a.Title is { Length: > 0 } t ? TextSanitiser.ForXml(t) : AtomFeed.Headline(text);
        var html = new PublicHtml(title, noIndex: false, feed: true)
            .Element("p", community.Value.Name, "community")
            .Element("h1", title)
            .Element("p", T("AnnouncementPage_Published", Date(clock.ToLocal(a.StartedAt!.Value))), "published")
            .Paragraphs(text, "announcement-text")
            .Raw($"<p><a href=\"{AtomFeed.Path}\">{E(T("AnnouncementPage_AllAnnouncements"))}</a></p>")
            .Finish(community.Value.Name);
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
