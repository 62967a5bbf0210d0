using System.Globalization;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Messenger;

/// <summary>What the Messenger channel records about a resident: the 24-hour window and a blocked Page.</summary>
internal sealed class MessengerResidents(HromadaDbContext db, IOptions<CommunityOptions> community, ILogger<MessengerResidents> logger)
{
    /// <summary>
    /// The resident wrote at <paramref name="at"/>: the 24-hour window counts from it, and a resident who had blocked
    /// the Page is back. A single UPDATE, so it never conflicts with the engine's optimistic concurrency on the resident.
    /// </summary>
    public Task RecordInboundAsync(string psid, DateTimeOffset at, CancellationToken ct) =>
        Residents(psid)
            .Where(r => r.LastInboundAt == null || r.LastInboundAt < at)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastInboundAt, at).SetProperty(r => r.IsBlocked, false), ct);

    public async Task MarkBlockedAsync(string psid, CancellationToken ct)
    {
        var changed = await Residents(psid)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.IsBlocked, true).SetProperty(r => r.IsSubscribed, false), ct);
        logger.LogWarning("Messenger resident {Psid} is unreachable (blocked the Page); marked blocked and unsubscribed ({Count} row)", psid, changed);
    }

    public Task<Resident?> FindAsync(string psid, CancellationToken ct) =>
        Residents(psid).AsNoTracking().FirstOrDefaultAsync(ct);

    public async Task<CultureInfo> CultureAsync(string psid, CancellationToken ct)
    {
        var language = await Residents(psid).Select(r => r.Language).FirstOrDefaultAsync(ct);
        try
        {
            return CultureInfo.GetCultureInfo(language ?? community.Value.DefaultCulture);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("uk-UA");
        }
    }

    private IQueryable<Resident> Residents(string psid) =>
        db.Residents.Where(r => r.Channel == Channel.Messenger && r.ChannelUserId == psid);
}
