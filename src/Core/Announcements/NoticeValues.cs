using System.Globalization;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.Resources;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Announcements;

/// <summary>Fills an automatic notice's placeholders from its consultation as it is now (counts at the moment of sending).</summary>
public sealed class NoticeValues(HromadaDbContext db, CommunityClock clock, IOptions<CommunityOptions> community, AnnouncementChannels channels)
{
    /// <summary>The text to send: a manual announcement as written, an automatic notice with its placeholders filled.</summary>
    public async Task<string> RenderAsync(Announcement announcement, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        return announcement.Kind == AnnouncementKind.Manual
            ? announcement.Text
            : NoticeTemplate.Render(announcement.Text, await ValuesAsync(announcement, ct));
    }

    /// <summary>The values of an automatic notice's placeholders now.</summary>
    public async Task<IReadOnlyDictionary<string, string>> ValuesAsync(Announcement announcement, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        return announcement.ConsultationId is { } consultationId
            ? await LoadAsync(consultationId, announcement.NoticeKey, ct)
            : new Dictionary<string, string> { ["hromada"] = community.Value.Name, ["channels"] = Channels() };
    }

    /// <summary>The built-in text of an automatic notice, in the hromada's default language.</summary>
    public string DefaultTemplate(AnnouncementKind kind) =>
        Texts.Get($"Announcement_{kind}", community.Value.Culture);

    private async Task<Dictionary<string, string>> LoadAsync(int consultationId, string? noticeKey, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["hromada"] = community.Value.Name,
            ["channels"] = Channels(),
        };
        var c = await db.Consultations.AsNoTracking().Include(x => x.Extensions).SingleOrDefaultAsync(x => x.Id == consultationId, ct);
        if (c is null)
        {
            return values;
        }
        values["title"] = c.Title;
        // The consultation's results page once published; until then the list of published results (never a 404).
        var publicBase = community.Value.PublicBaseUrl.TrimEnd('/');
        values["results"] = c.ResultsPublic ? $"{publicBase}/results/{c.Id.ToString(CultureInfo.InvariantCulture)}" : $"{publicBase}/results";
        values["opens"] = Local(c.OpensAt);
        values["deadline"] = Local(c.Deadline);
        // An extension's own notice tells that extension's dates, even after a later one; other notices tell the latest.
        var extensionId = ConsultationNotices.ExtensionId(noticeKey);
        var extension = extensionId is null
            ? c.Extensions.OrderByDescending(e => e.CreatedAt).FirstOrDefault()
            : c.Extensions.FirstOrDefault(e => e.Id == extensionId);
        if (extension is not null)
        {
            values["previousDeadline"] = Local(extension.PreviousDeadline);
            values["reason"] = extension.Reason;
            if (extensionId is not null)
            {
                values["deadline"] = Local(extension.NewDeadline);
            }
        }
        values["received"] = (await db.Proposals.CountAsync(p => p.ConsultationId == consultationId, ct)).ToString(CultureInfo.InvariantCulture);
        values["decided"] = (await db.Proposals.CountAsync(p => p.ConsultationId == consultationId && p.Status == ProposalStatus.Decided, ct))
            .ToString(CultureInfo.InvariantCulture);
        return values;
    }

    /// <summary>Where residents can write now, naming only the chats that are on: "в чат-боті громади в Telegram чи Viber або у веб-чаті на сайті".</summary>
    public string Channels()
    {
        var culture = community.Value.Culture;
        var bots = new (AnnouncementTarget Target, string Name)[]
            {
                (AnnouncementTarget.TelegramSubscribers, "Telegram"),
                (AnnouncementTarget.MessengerSubscribers, "Messenger"),
                (AnnouncementTarget.ViberSubscribers, "Viber"),
            }
            .Where(b => channels.WhyUnavailable(b.Target) is null).Select(b => b.Name).ToList();
        var web = channels.WhyUnavailable(AnnouncementTarget.WebChatSubscribers) is null;
        var list = bots.Count <= 1 ? string.Concat(bots)
            : $"{string.Join(", ", bots.Take(bots.Count - 1))} {Texts.Get("Notice_Channels_Or", culture)} {bots[^1]}";
        return (bots.Count > 0, web) switch
        {
            (true, true) => Texts.Format("Notice_Channels_BotsAndWeb", culture, list),
            (true, false) => Texts.Format("Notice_Channels_Bots", culture, list),
            (false, true) => Texts.Get("Notice_Channels_Web", culture),
            _ => Texts.Get("Notice_Channels_None", culture),
        };
    }

    private string Local(DateTimeOffset instant) => clock.Text(instant);
}
