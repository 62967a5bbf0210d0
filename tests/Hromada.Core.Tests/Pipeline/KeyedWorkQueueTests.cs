using System.Collections.Concurrent;
using Hromada.Core.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Hromada.Core.Tests.Pipeline;

public sealed class KeyedWorkQueueTests
{
    private sealed record Item(long Id);

    [Fact]
    public async Task OneResidentFlooding_DoesNotStarveAnother_AndEachResidentsItemsKeepTheirOrder()
    {
        var handled = new ConcurrentQueue<(string Key, long Id)>();
        var queue = new KeyedWorkQueue<Item>(1, burst: 4, i => i.Id, (key, item, _) =>
        {
            handled.Enqueue((key, item.Id));
            return Task.FromResult(WorkOutcome.Done);
        }, TimeProvider.System, NullLogger.Instance);
        for (var i = 1; i <= 100; i++)
        {
            queue.Post("flood", new Item(i));
        }
        queue.Post("quiet", new Item(1000));
        using var cts = new CancellationTokenSource();
        var run = queue.RunAsync(cts.Token);

        await WaitAsync(() => handled.Count == 101);
        await cts.CancelAsync();
        await run;

        var order = handled.ToList();
        // One worker, turns of four: the quiet resident is served after the flood's first turn, not after all 100.
        Assert.InRange(order.FindIndex(x => x.Key == "quiet"), 0, 4);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), order.Where(x => x.Key == "flood").Select(x => x.Id));
    }

    [Fact]
    public async Task AnItemThatMustWait_HoldsBackOnlyItsOwnKey_AndIsRetriedWhenItsTimeComes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var handled = new ConcurrentQueue<(string Key, long Id)>();
        var retried = false;
        // One worker: the parked key must not hold it, and the queue's order is one line (see the probe below).
        var queue = new KeyedWorkQueue<Item>(1, burst: 4, i => i.Id, (key, item, _) =>
        {
            if (key == "held" && item.Id == 1 && !retried)
            {
                retried = true;
                return Task.FromResult(WorkOutcome.Retry(time.GetUtcNow().AddSeconds(10)));
            }
            handled.Enqueue((key, item.Id));
            return Task.FromResult(WorkOutcome.Done);
        }, time, NullLogger.Instance);
        queue.Post("held", new Item(1));
        queue.Post("held", new Item(2));
        queue.Post("free", new Item(3));
        using var cts = new CancellationTokenSource();
        var run = queue.RunAsync(cts.Token);

        await WaitAsync(() => handled.Any(x => x.Key == "free"));
        // A probe posted now is handled after anything already ready: once it is, a held item that was not waiting
        // for its time would have been handled too (the clock has not moved, so its time has not come).
        queue.Post("probe", new Item(4));
        await WaitAsync(() => handled.Any(x => x.Key == "probe"));
        Assert.True(retried);
        Assert.DoesNotContain(handled, x => x.Key == "held");

        time.Advance(TimeSpan.FromSeconds(10));
        await WaitAsync(() => handled.Count == 4);
        await cts.CancelAsync();
        await run;
        Assert.Equal([1L, 2L], handled.Where(x => x.Key == "held").Select(x => x.Id));
    }

    [Fact]
    public void TheSameItemPostedTwice_IsQueuedOnce()
    {
        var queue = new KeyedWorkQueue<Item>(1, 4, i => i.Id, (_, _, _) => Task.FromResult(WorkOutcome.Done), TimeProvider.System, NullLogger.Instance);

        Assert.True(queue.Post("a", new Item(7)));
        Assert.False(queue.Post("a", new Item(7)));
        Assert.Equal(1, queue.Count);
    }

    private static async Task WaitAsync(Func<bool> done)
    {
        var deadline = Environment.TickCount64 + 10_000;
        while (!done())
        {
            Assert.True(Environment.TickCount64 < deadline, "timed out");
            await Task.Delay(10);
        }
    }
}
