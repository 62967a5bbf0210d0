using System.Globalization;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.Resources;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Announcements;

/// <summary>Fills an automatic notice's placeholders from its consultation as it is now (counts at the moment of sending).</summary>
public sealed class NoticeValues(HromadaDbContext db, CommunityClock clock, IOptions<CommunityOptions> community)
{
    private const string DateTimeFormat = "dd.MM.yyyy HH:mm";

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
            : new Dictionary<string, string> { ["hromada"] = community.Value.Name };
    }

    /// <summary>The built-in text of an automatic notice, in the hromada's default language.</summary>
    public string DefaultTemplate(AnnouncementKind kind) =>
        Texts.Get($"Announcement_{kind}", CultureInfo.GetCultureInfo(community.Value.DefaultCulture));

    private async Task<Dictionary<string, string>> LoadAsync(int consultationId, string? noticeKey, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["hromada"] = community.Value.Name };
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

    private string Local(DateTimeOffset instant) => clock.ToLocal(instant).ToString(DateTimeFormat, CultureInfo.InvariantCulture);
}
