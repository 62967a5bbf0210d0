using Hromada.Core.Pipeline;

namespace Hromada.Core.Tests.Pipeline;

/// <summary>Issue 23: a flush waits for what is under way on a signal, not on a timer.</summary>
public sealed class InFlightTests
{
    [Fact]
    public async Task WhenIdle_CompletesOnceEverythingUnderWayIsDone_AndAtOnceWhenNothingIs()
    {
        var inFlight = new InFlight();
        Assert.True(inFlight.WhenIdleAsync(CancellationToken.None).IsCompletedSuccessfully);

        inFlight.Add();
        inFlight.Add(2);
        var idle = inFlight.WhenIdleAsync(CancellationToken.None);
        inFlight.Done(2);
        var stillBusy = idle.IsCompleted;
        inFlight.Done();
        await idle;

        Assert.False(stillBusy);
        Assert.Equal(0, inFlight.Count);
        Assert.True(inFlight.WhenIdleAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task WhenIdle_Cancelled_StopsWaiting()
    {
        var inFlight = new InFlight();
        inFlight.Add();
        using var cts = new CancellationTokenSource();

        var idle = inFlight.WhenIdleAsync(cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => idle);
    }
}
