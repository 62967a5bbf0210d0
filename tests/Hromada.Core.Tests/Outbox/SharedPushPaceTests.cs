using Hromada.Core.Outbox;
using Hromada.Core.Pipeline.PostgreSql;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Outbox;

/// <summary>
/// The push pace two instances share through PostgreSQL: two limiters, each with its own connection to one database,
/// as two instances have. Slots are read from what the limiters hand out, on the fake clock: nothing waits.
/// </summary>
public sealed class SharedPushPaceTests
{
    private static readonly PushLimits Telegram = new(30, TimeSpan.FromSeconds(1));

    [DatabaseTheory, OnPostgreSql]
    public async Task TwoInstances_TakingSlotsAtOnce_GetEachSlotOnce_AndTogetherKeepTheRate(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var a = Limiter(host, host.Time);
        var b = Limiter(host, host.Time);

        // Both at once, as two instances in a broadcast: single pushes and claimed batches, interleaved.
        var taken = await Task.WhenAll(
            Enumerable.Range(0, 40).Select(i => SingleAsync(i % 2 == 0 ? a : b, $"single-{i}"))
                .Concat(Enumerable.Range(0, 8).Select(i => BatchAsync(i % 2 == 0 ? a : b, $"batch-{i}", 15))));
        var slots = taken.SelectMany(s => s).Order().ToList();

        Assert.Equal(40 + (8 * 15), slots.Count);
        var interval = PushLimiter.SharedInterval(Telegram);
        for (var i = 1; i < slots.Count; i++)
        {
            Assert.True(slots[i] - slots[i - 1] >= interval, $"slots {slots[i - 1]:O} and {slots[i]:O} are closer than {interval}");
        }
        // However the two took them, no second holds more of them than Telegram's 30.
        Assert.All(slots, s => Assert.InRange(slots.Count(o => o >= s && o < s + TimeSpan.FromSeconds(1)), 1, 30));
        // One batch's slots follow each other: a batch is one statement.
        Assert.All(taken.Where(t => t.Count == 15), batch => Assert.Equal(interval * 14, batch[^1] - batch[0]));
        // The slots run on from the first, with no gap: 160 of them over 160 intervals at most.
        Assert.True(slots[^1] - slots[0] < interval * slots.Count, $"{slots[0]:O} … {slots[^1]:O}");
        // Each instance sees how far ahead both together have taken slots, and another channel has its own pace.
        Assert.Equal(slots[^1] + interval - host.Time.GetUtcNow(), await a.SharedHorizonAsync(Channel.Telegram, default));
        Assert.Equal(host.Time.GetUtcNow(), Assert.Single(await BatchAsync(a, "messenger", 1, Channel.Messenger)));
    }

    [DatabaseTheory, OnPostgreSql]
    public async Task SlotsOfAnInstanceThatDied_AreAGap_TheOtherGoesOnRightAfterThem(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var interval = PushLimiter.SharedInterval(Telegram);
        var dead = await BatchAsync(Limiter(host, host.Time), "dead", 15);

        // No lease to wait for: the survivor's next slot is the one after the dead instance's last.
        var survivor = Limiter(host, host.Time);
        var next = Assert.Single(await SingleAsync(survivor, "after"));
        Assert.Equal(dead[^1] + interval, next);
        host.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(host.Time.GetUtcNow(), Assert.Single(await SingleAsync(survivor, "later")));
    }

    [DatabaseTheory, OnPostgreSql]
    public async Task APause_HoldsThisInstancesPushes_AndTheSlotsEveryInstanceTakesAfterIt(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var a = Limiter(host, host.Time);
        var b = Limiter(host, host.Time);
        var until = host.Time.GetUtcNow() + TimeSpan.FromSeconds(5);

        a.Pause(Channel.Telegram, until);
        var (at, taken) = await a.ReserveSharedAsync(Channel.Telegram, "paused", Telegram, default);
        Assert.False(taken);
        Assert.Equal(until, at);
        // A batch claimed during the pause starts after it, and moves the shared pace past it for everyone.
        Assert.Equal(until, (await BatchAsync(a, "batch", 15))[0]);
        Assert.True(Assert.Single(await SingleAsync(b, "other")) > until);
    }

    [DatabaseTheory, OnPostgreSql]
    public async Task OneRecipient_GetsASecondPushOnlyAfterItsInterval_WithoutHoldingUpTheOthers(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var a = Limiter(host, host.Time);

        var first = Assert.Single(await SingleAsync(a, "resident"));
        var (at, taken) = await a.ReserveSharedAsync(Channel.Telegram, "resident", Telegram, default);
        var other = Assert.Single(await SingleAsync(a, "neighbour"));

        Assert.False(taken);
        Assert.Equal(first + TimeSpan.FromSeconds(1), at);
        Assert.Equal(first + PushLimiter.SharedInterval(Telegram), other);
    }

    [DatabaseTheory, OnPostgreSql]
    public async Task ANextSlotFarAhead_AnInstanceWithAClockSetBack_DoesNotHoldEveryPushForThatLong(DatabaseProvider provider)
    {
        await using var host = await CoreTestHost.StartAsync(database: provider);
        var ahead = new FakeTimeProvider(host.Time.GetUtcNow() + TimeSpan.FromHours(1));
        await BatchAsync(Limiter(host, ahead), "from-the-future", 5);

        var slot = Assert.Single(await SingleAsync(Limiter(host, host.Time), "now"));

        Assert.Equal(host.Time.GetUtcNow(), slot);
    }

    private static PushLimiter Limiter(CoreTestHost host, TimeProvider time) =>
        new(time, new PostgreSqlPushPace(host.Services.GetRequiredService<IServiceScopeFactory>()));

    private static async Task<List<DateTimeOffset>> SingleAsync(PushLimiter limiter, string recipient)
    {
        var (at, taken) = await limiter.ReserveSharedAsync(Channel.Telegram, recipient, Telegram, default);
        Assert.True(taken, $"no slot for {recipient}");
        return [at];
    }

    private static async Task<List<DateTimeOffset>> BatchAsync(PushLimiter limiter, string prefix, int count, Channel channel = Channel.Telegram)
    {
        var works = Enumerable.Range(0, count).Select(i => new OutboxWork
        {
            Id = i + 1,
            Channel = channel,
            Recipient = $"{prefix}-{i}",
            IsPublicPost = false,
            Purpose = OutboxPurpose.Announcement,
            Payload = "[]",
        }).ToList();
        await limiter.AssignSharedAsync(channel, works, Telegram, default);
        return [.. works.Select(w => w.Slot!.Value)];
    }
}
