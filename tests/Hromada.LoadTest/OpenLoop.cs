using System.Diagnostics;
using System.Threading.Channels;

namespace Hromada.LoadTest;

/// <summary>
/// The open loop (<c>--rate N</c>): N updates a second are offered whatever the replies. A tick every 1/N s lets one
/// idle resident send its next update; a tick that finds every resident still waiting for an answer is counted as
/// missed (the service is behind), not saved up for later, so the offered rate never bends to the service's pace.
/// </summary>
internal sealed class OpenLoop(double rate)
{
    private readonly Channel<bool> _slots = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.Wait });
    private long _offered;
    private long _missed;

    public long Offered => Interlocked.Read(ref _offered);

    /// <summary>Ticks that found no idle resident.</summary>
    public long Missed => Interlocked.Read(ref _missed);

    /// <summary>Waits for this resident's next slot.</summary>
    public ValueTask<bool> WaitAsync(CancellationToken ct) => _slots.Reader.ReadAsync(ct);

    public async Task RunAsync(CancellationToken ct)
    {
        var interval = Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        for (long tick = 1; !ct.IsCancellationRequested; tick++)
        {
            var due = start + (long)(tick * interval);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                try
                {
                    await Task.Delay(wait, ct);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            Interlocked.Increment(ref _offered);
            if (!_slots.Writer.TryWrite(true))
            {
                Interlocked.Increment(ref _missed);
            }
        }
    }
}
