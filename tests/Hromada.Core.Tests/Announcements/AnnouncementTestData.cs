using Hromada.Core.Announcements;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Tests.Announcements;

/// <summary>Settings that switch every channel on (Core reads only the settings), and residents and announcements to send.</summary>
internal static class AnnouncementTestData
{
    public const string TelegramChannel = "@zelenodil_news";
    public const string PageId = "102030405060708";
    public const string InstagramUserId = "17841400000000001";

    private static int _userId = 500_000;

    public static Dictionary<string, string?> AllChannels(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hromada:Telegram:Token"] = "123456789:TEST-token",
            ["Hromada:Messenger:PageAccessToken"] = "EAAG-test",
            ["Hromada:Messenger:PageId"] = PageId,
            ["Hromada:Viber:AuthToken"] = "viber-test-token",
            ["Hromada:Instagram:AccessToken"] = "instagram-test-token",
            ["Hromada:Instagram:UserId"] = InstagramUserId,
            ["Hromada:Announcements:TelegramChannel"] = TelegramChannel,
            ["Hromada:Announcements:FacebookPageFeed"] = "true",
        };
        foreach (var (k, v) in more ?? new Dictionary<string, string?>())
        {
            settings[k] = v;
        }
        return settings;
    }

    /// <summary>Adds residents in one transaction and returns their ids.</summary>
    public static async Task<List<int>> AddResidentsAsync(
        CoreTestHost host, Channel channel, int count, bool subscribed = true, bool blocked = false, DateTimeOffset? lastInboundAt = null)
    {
        await using var scope = host.Scope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var residents = Enumerable.Range(0, count).Select(_ => new Resident
        {
            Channel = channel,
            ChannelUserId = Interlocked.Increment(ref _userId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = host.Time.GetUtcNow(),
            IsSubscribed = subscribed,
            SubscribedAt = subscribed ? host.Time.GetUtcNow() : null,
            IsBlocked = blocked,
            LastInboundAt = lastInboundAt,
        }).ToList();
        db.Residents.AddRange(residents);
        await db.SaveChangesAsync();
        return residents.Select(r => r.Id).ToList();
    }

    /// <summary>Schedules a manual announcement an hour from now through the service, as the admin API does.</summary>
    public static async Task<Announcement> ScheduleAsync(CoreTestHost host, string text, params AnnouncementTarget[] targets)
    {
        await using var scope = host.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<AnnouncementService>().CreateAsync(
            new AnnouncementInput(null, text, targets.Select(t => t.ToString()).ToList(), host.Time.GetUtcNow().AddHours(1), null), "comms");
        Assert.Null(result.Errors);
        return result.Announcement!;
    }

    public static async Task<BroadcastResult> BroadcastAsync(CoreTestHost host, long id)
    {
        await using var scope = host.Scope();
        return await scope.ServiceProvider.GetRequiredService<AnnouncementBroadcaster>().RunAsync(id);
    }

    public static async Task<T> DbAsync<T>(CoreTestHost host, Func<HromadaDbContext, Task<T>> query)
    {
        await using var scope = host.Scope();
        return await query(scope.ServiceProvider.GetRequiredService<HromadaDbContext>());
    }

    public static Task<List<Hromada.Core.Outbox.OutboxMessage>> RowsAsync(CoreTestHost host, long announcementId) =>
        DbAsync(host, db => db.OutboxMessages.AsNoTracking().Where(m => m.AnnouncementId == announcementId).OrderBy(m => m.Id).ToListAsync());
}
