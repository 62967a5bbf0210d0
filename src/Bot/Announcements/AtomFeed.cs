using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Announcements;

/// <summary>
/// <c>GET /feed.xml</c>: the published announcements that chose the feed, newest first, as an Atom 1.0 feed (RFC 4287)
/// that the council's site can show. Public, like a post on the channel.
/// </summary>
public static class AtomFeed
{
    public const string Path = "/feed.xml";
    public const string ContentType = "application/atom+xml; charset=utf-8";
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const int TitleLength = 100;

    public static IEndpointRouteBuilder MapAnnouncementFeed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, WriteAsync)
            .WithName("AnnouncementFeed")
            .WithSummary("The published announcements as an Atom feed.")
            .WithTags("Announcements")
            .Produces(StatusCodes.Status200OK, contentType: "application/atom+xml");
        endpoints.MapGet(AnnouncementPage.Route, AnnouncementPage.ShowAsync)
            .WithName("AnnouncementPage")
            .WithSummary("One published announcement of the feed as a web page (what a feed entry links to).")
            .ExcludeFromDescription();
        endpoints.MapGet(AnnouncementPage.CardRoute, AnnouncementPage.CardAsync)
            .WithName("PublicAnnouncementCard")
            .WithSummary("The picture card of an announcement that has gone out to Instagram (the URL Instagram fetches it from).")
            .WithTags("Announcements")
            .Produces(StatusCodes.Status200OK, contentType: AnnouncementCards.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    internal sealed record Entry(Guid Id, string? Title, string Text, DateTimeOffset Published);

    /// <summary>The announcements the feed lists: started going out, with the feed among their targets.</summary>
    internal static IQueryable<Announcement> Published(HromadaDbContext db) =>
        db.Announcements.AsNoTracking()
            .Where(a => (a.Status == AnnouncementStatus.Sending || a.Status == AnnouncementStatus.Sent) && a.StartedAt != null
                && a.Targets.Any(t => t.Target == AnnouncementTarget.Feed && t.SkippedReason == null));

    private static async Task WriteAsync(
        HttpContext http, HromadaDbContext db, IOptions<AnnouncementOptions> options, IOptions<CommunityOptions> community,
        TimeProvider time, CancellationToken ct)
    {
        var entries = (await Published(db)
                .Select(a => new Entry(a.PublicId, a.Title, a.SentText ?? a.Text, a.StartedAt!.Value))
                .ToListAsync(ct))
            .OrderByDescending(e => e.Published).Take(options.Value.Feed.MaxEntries)
            // Every text as XML can hold it: one control character in a title or a notice's reason must not cut the feed.
            .Select(e => e with { Title = e.Title is null ? null : TextSanitiser.ForXml(e.Title), Text = TextSanitiser.ForXml(e.Text) })
            .ToList();

        var name = TextSanitiser.ForXml(community.Value.Name);
        var title = string.IsNullOrWhiteSpace(options.Value.Feed.Title) ? name : TextSanitiser.ForXml(options.Value.Feed.Title.Trim());
        // From the configured public address, never from the request's Host: the feed is public and cached, and behind
        // a proxy the request says 127.0.0.1.
        var site = community.Value.PublicBaseUrl.TrimEnd('/');
        var self = site + Path;
        http.Response.ContentType = ContentType;
        http.Response.Headers.CacheControl = "public, max-age=300";

        var settings = new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false), Indent = true };
        await using var writer = XmlWriter.Create(http.Response.Body, settings);
        await writer.WriteStartDocumentAsync();
        writer.WriteStartElement("feed", Atom);
        writer.WriteAttributeString("xml", "lang", null, community.Value.DefaultCulture[..2]);
        writer.WriteElementString("id", Atom, $"urn:uuid:{FeedId(name)}");
        writer.WriteElementString("title", Atom, title);
        writer.WriteElementString("updated", Atom, Rfc3339(entries.Count > 0 ? entries[0].Published : time.GetUtcNow()));
        writer.WriteStartElement("link", Atom);
        writer.WriteAttributeString("rel", "self");
        writer.WriteAttributeString("type", "application/atom+xml");
        writer.WriteAttributeString("href", self);
        writer.WriteEndElement();
        WriteAlternate(writer, site + "/");
        writer.WriteStartElement("author", Atom);
        writer.WriteElementString("name", Atom, name);
        writer.WriteEndElement();
        writer.WriteElementString("generator", Atom, "Hromada.Bot");
        foreach (var e in entries)
        {
            writer.WriteStartElement("entry", Atom);
            writer.WriteElementString("id", Atom, $"urn:uuid:{e.Id}");
            writer.WriteElementString("title", Atom, e.Title ?? Headline(e.Text));
            writer.WriteElementString("updated", Atom, Rfc3339(e.Published));
            writer.WriteElementString("published", Atom, Rfc3339(e.Published));
            // What a site's widget links the title to: the announcement's own page.
            WriteAlternate(writer, site + AnnouncementPage.PathOf(e.Id));
            writer.WriteStartElement("content", Atom);
            writer.WriteAttributeString("type", "text");
            writer.WriteString(e.Text);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        await writer.WriteEndDocumentAsync();
        await writer.FlushAsync();
    }

    private static void WriteAlternate(XmlWriter writer, string href)
    {
        writer.WriteStartElement("link", Atom);
        writer.WriteAttributeString("rel", "alternate");
        writer.WriteAttributeString("type", "text/html");
        writer.WriteAttributeString("href", href);
        writer.WriteEndElement();
    }

    /// <summary>The first line of the text, cut at a word to fit a title.</summary>
    internal static string Headline(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        if (line.Length <= TitleLength)
        {
            return line;
        }
        var cut = line.LastIndexOf(' ', TitleLength - 1);
        return line[..(cut > TitleLength / 2 ? cut : TitleLength - 1)].TrimEnd() + "…";
    }

    private static string Rfc3339(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A name-based UUID (RFC 9562 version 8, SHA-256) of the hromada's name: the feed keeps its id wherever it is served from.</summary>
    internal static Guid FeedId(string community)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("hromada-bot:feed:" + community));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
