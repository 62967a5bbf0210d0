using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Outbox;

public sealed class PushLimiterTests
{
    private static readonly PushLimits Telegram = new(30, TimeSpan.FromSeconds(1));

    [Fact]
    public void Admit_LetsThroughAtMostTheLimitInAnySecond_ThenWhenTheOldestLeavesTheWindow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        var limiter = new PushLimiter(time);
        var start = time.GetUtcNow();

        for (var i = 0; i < 30; i++)
        {
            Assert.Null(limiter.Admit(Channel.Telegram, Telegram));
            time.Advance(TimeSpan.FromMilliseconds(10));
        }
        var retryAt = limiter.Admit(Channel.Telegram, Telegram);

        Assert.NotNull(retryAt);
        Assert.True(retryAt > start + TimeSpan.FromSeconds(1), "the 31st push waits until the first is more than a second old");
        time.SetUtcNow(retryAt.Value);
        Assert.Null(limiter.Admit(Channel.Telegram, Telegram));
        Assert.Null(limiter.Admit(Channel.Messenger, new PushLimits(20, TimeSpan.Zero)));
    }
}
