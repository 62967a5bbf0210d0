using System.Globalization;
using Hromada.Core.Community;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Announcements;

/// <summary>
/// An announcement's picture card (<see cref="AnnouncementCard"/>) from what it says: the officer previews it before it
/// goes; once it is going out it is public at <see cref="PathOf"/>, the address Instagram (and, with
/// <see cref="AnnouncementOptions.CardWithPosts"/>, Facebook and Telegram) fetches it from.
/// </summary>
public sealed class AnnouncementCards(
    HromadaDbContext db, NoticeValues notices, IOptions<CommunityOptions> community, IOptions<AnnouncementOptions> options, CommunityClock clock)
{
    public const string ContentType = "image/jpeg";

    /// <summary>The card's public path under <c>PublicBaseUrl</c>.</summary>
    public static string PathOf(Guid publicId) => $"/announcements/{publicId}/card.jpg";

    /// <summary>The card's public address, as Instagram's container is given it.</summary>
    public string UrlOf(Guid publicId) => community.Value.PublicBaseUrl.TrimEnd('/') + PathOf(publicId);

    /// <summary>
    /// Whether <paramref name="target"/>'s post carries the card: Instagram's always; the Facebook Page's and the
    /// Telegram channel's when <see cref="AnnouncementOptions.CardWithPosts"/> is on.
    /// </summary>
    public bool GoesWith(AnnouncementTarget target) =>
        AnnouncementTargets.HasCard(target)
        || (options.Value.CardWithPosts && target is AnnouncementTarget.FacebookPage or AnnouncementTarget.TelegramChannel);

    /// <summary>
    /// The card's public address for <paramref name="target"/>'s post of <paramref name="a"/> saying
    /// <paramref name="text"/>, or null when that post goes without it: the target takes no card, or (for the posts the
    /// card only accompanies) the headline does not fit the card, so the text goes alone rather than not at all.
    /// </summary>
    public string? ForPost(Announcement a, AnnouncementTarget target, string text)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (!GoesWith(target))
        {
            return null;
        }
        return AnnouncementTargets.HasCard(target) || AnnouncementCard.HeadlineFits(AnnouncementCard.Split(a.Title, text).Headline)
            ? UrlOf(a.PublicId)
            : null;
    }

    /// <summary>The file name a downloaded card gets.</summary>
    public static string FileName(Announcement a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return $"announcement-{a.Id.ToString(CultureInfo.InvariantCulture)}-card.jpg";
    }

    /// <summary>What the card says: the text as sent, or as it would be sent now (an automatic notice's placeholders filled).</summary>
    public async Task<AnnouncementCardContent> ContentAsync(Announcement a, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(a);
        var text = a.SentText ?? (a.Kind == AnnouncementKind.Manual ? a.Text : await notices.RenderAsync(a, ct));
        var (headline, keyLine) = AnnouncementCard.Split(a.Title, text);
        var culture = community.Value.Culture;
        var date = clock.ToLocal(a.StartedAt ?? a.SendAt).ToString("d MMMM yyyy", culture);
        return new AnnouncementCardContent(community.Value.Name, headline, keyLine, date);
    }

    public async Task<byte[]> RenderAsync(Announcement a, CancellationToken ct = default) =>
        AnnouncementCard.RenderJpeg(await ContentAsync(a, ct));

    /// <summary>
    /// The card of an announcement that has started going out to a target whose post carries it, for its public address;
    /// null for anything else (scheduled, cancelled, no such target), so nothing is public before its time.
    /// </summary>
    public async Task<byte[]?> PublishedAsync(Guid publicId, CancellationToken ct = default)
    {
        var a = await db.Announcements.AsNoTracking().Include(x => x.Targets)
            .SingleOrDefaultAsync(x => x.PublicId == publicId && x.StartedAt != null && x.Status != AnnouncementStatus.Cancelled, ct);
        return a is null || !a.Targets.Any(t => GoesWith(t.Target)) ? null : await RenderAsync(a, ct);
    }
}
