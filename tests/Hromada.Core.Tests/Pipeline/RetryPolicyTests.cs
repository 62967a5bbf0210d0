using System.Threading.Channels;
using Hromada.Core.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Pipeline;

/// <summary>Issue 18: the one retry policy every loop and sender of the service tries again through.</summary>
public sealed class RetryPolicyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheWait_DoublesAfterEachFailure_UpToTheCap()
    {
        var retry = new RetryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));

        var waits = Enumerable.Range(1, 7).Select(failures => retry.DelayAfter(failures).TotalSeconds).ToList();

        Assert.Equal([2, 4, 8, 16, 30, 30, 30], waits);
        Assert.Equal(TimeSpan.FromSeconds(30), retry.DelayAfter(10_000));
    }

    [Fact]
    public void Jitter_SpreadsEachWaitWithinItsShare_AndNeverPastTheCap()
    {
        var retry = new RetryPolicy(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60), jitter: 0.2);

        var first = Enumerable.Range(0, 200).Select(_ => retry.DelayAfter(1)).ToList();
        var late = Enumerable.Range(0, 200).Select(_ => retry.DelayAfter(30)).ToList();

        Assert.All(first, w => Assert.InRange(w, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(12)));
        Assert.True(first.Distinct().Count() > 1, "the waits are spread, not all alike");
        Assert.All(late, w => Assert.InRange(w, TimeSpan.FromSeconds(48), TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public void APlatformsRetryAfter_IsWaitedAsItIs_NotTheBackoff_NorCappedByIt()
    {
        var retry = new RetryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), jitter: 0.2);

        Assert.Equal(TimeSpan.FromSeconds(10), retry.DelayAfter(1, retryAfter: TimeSpan.FromSeconds(10)));
        Assert.Equal(TimeSpan.FromMinutes(5), retry.DelayAfter(3, retryAfter: TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void GivesUp_AfterItsTries_AndOnlyOnceItsPeriodHasPassed()
    {
        var once = RetryPolicy.Immediately(1);
        var sends = new RetryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(10), maxAttempts: 8, minPeriod: TimeSpan.FromDays(1));

        Assert.True(once.GivesUp(1));
        Assert.False(sends.GivesUp(7, TimeSpan.FromDays(3)));
        Assert.False(sends.GivesUp(8, TimeSpan.FromHours(23)));
        Assert.True(sends.GivesUp(8, TimeSpan.FromDays(1)));
        Assert.False(new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)).GivesUp(1_000_000), "no limit: tried for as long as it runs");
    }

    [Fact]
    public async Task ExecuteAsync_WaitsEachDelayOnTheGivenClock_ThenSucceeds()
    {
        var time = new WatchedClock();
        var retry = new RetryPolicy(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), maxAttempts: 5);
        var tries = new List<DateTimeOffset>();
        var waits = new List<TimeSpan>();

        var run = retry.ExecuteAsync(_ =>
        {
            tries.Add(time.GetUtcNow());
            return tries.Count < 4 ? throw new IOException("away") : Task.FromResult("done");
        }, _ => TimeSpan.Zero, time, (_, _, wait) => waits.Add(wait), CancellationToken.None);
        await time.DriveAsync(run);

        Assert.Equal("done", await run);
        Assert.Equal([TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5)], waits);
        Assert.Equal([T0, T0.AddSeconds(2), T0.AddSeconds(6), T0.AddSeconds(11)], tries);
    }

    [Fact]
    public async Task ExecuteAsync_HonoursTheRetryAfterAFailureNames()
    {
        var time = new WatchedClock();
        var retry = new RetryPolicy(TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), maxAttempts: 4);
        var tries = new List<DateTimeOffset>();

        var run = retry.ExecuteAsync(_ =>
        {
            tries.Add(time.GetUtcNow());
            return tries.Count == 1 ? throw new HttpRequestException("429 Too Many Requests, retry after 10 s") : Task.FromResult(1);
        }, ex => ex is HttpRequestException ? TimeSpan.FromSeconds(10) : null, time, null, CancellationToken.None);
        await time.DriveAsync(run);

        await run;
        Assert.Equal([T0, T0.AddSeconds(10)], tries);
    }

    [Fact]
    public async Task ExecuteAsync_AFinalFailure_IsThrownAtOnce_AndTheLastFailureOnceTheTriesAreUsedUp()
    {
        var time = new WatchedClock();
        var retry = new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), maxAttempts: 3);
        var finalTries = 0;
        var transientTries = 0;

        await Assert.ThrowsAsync<InvalidOperationException>(() => retry.ExecuteAsync<int>(_ =>
        {
            finalTries++;
            throw new InvalidOperationException("refused for good");
        }, ex => ex is IOException ? TimeSpan.Zero : null, time, null, CancellationToken.None));
        var run = retry.ExecuteAsync<int>(_ =>
        {
            transientTries++;
            throw new IOException($"away {transientTries}");
        }, ex => ex is IOException ? TimeSpan.Zero : null, time, null, CancellationToken.None);
        await time.DriveAsync(run);

        Assert.Equal(1, finalTries);
        Assert.Equal("away 3", (await Assert.ThrowsAsync<IOException>(() => run)).Message);
        Assert.Equal(3, transientTries);
    }

    [Fact]
    public async Task ExecuteAsync_Cancelled_StopsWaiting_AndTriesNoMore()
    {
        var time = new FakeTimeProvider(T0);
        var retry = new RetryPolicy(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        using var cts = new CancellationTokenSource();
        var tries = 0;
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var run = retry.ExecuteAsync<int>(_ =>
        {
            tries++;
            throw new IOException("away");
        }, _ => TimeSpan.Zero, time, (_, _, _) => failed.TrySetResult(), cts.Token);
        await failed.Task;
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, tries);
    }

    [Fact]
    public async Task WaitAsync_WaitsOnTheClock_AndSaysFalseAtOnceAfterTheLastTry()
    {
        var time = new FakeTimeProvider(T0);
        var checks = RetryPolicy.Every(TimeSpan.FromSeconds(3), attempts: 2);

        var wait = checks.WaitAsync(1, time, CancellationToken.None);
        Assert.False(wait.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.True(await wait);
        Assert.False(await checks.WaitAsync(2, time, CancellationToken.None));
    }

    [Theory]
    [InlineData(-1, 10, 1, 0.0)]
    [InlineData(10, 5, 1, 0.0)]
    [InlineData(1, 10, 0, 0.0)]
    [InlineData(1, 10, 1, 1.0)]
    public void ANonsensicalPolicy_IsRefused(int firstSeconds, int maxSeconds, int attempts, double jitter) =>
        Assert.ThrowsAny<ArgumentException>(() => new RetryPolicy(TimeSpan.FromSeconds(firstSeconds), TimeSpan.FromSeconds(maxSeconds), attempts, jitter));

    /// <summary>A fake clock that notices each timer the code under test sets, so a test can move it exactly to that timer.</summary>
    private sealed class WatchedClock() : FakeTimeProvider(T0)
    {
        private readonly Channel<TimeSpan> _due = Channel.CreateUnbounded<TimeSpan>();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _due.Writer.TryWrite(dueTime);
            return timer;
        }

        /// <summary>Until <paramref name="run"/> ends, moves the clock to each timer it sets (bounded in real time only against a hang).</summary>
        public async Task DriveAsync(Task run)
        {
            using var hang = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            while (true)
            {
                var set = _due.Reader.ReadAsync(hang.Token).AsTask();
                if (await Task.WhenAny(run, set) == run)
                {
                    await hang.CancelAsync();
                    return;
                }
                Advance(await set);
            }
        }
    }
}
