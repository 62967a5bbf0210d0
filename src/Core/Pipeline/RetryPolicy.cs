namespace Hromada.Core.Pipeline;

/// <summary>
/// How the service tries again, wherever it does: the inbox and the outbox (their next attempt is stored), the batch
/// writers, the channels' set-up and polling calls, a platform's "not ready yet". The wait after the n-th failure is
/// <see cref="FirstDelay"/> doubled n − 1 times, with ±<see cref="Jitter"/>, never more than <see cref="MaxDelay"/>;
/// when the platform names its own wait (retry_after), that wait is kept instead. It gives up after
/// <see cref="MaxAttempts"/> failures, and not before <see cref="MinPeriod"/> has passed since the first. Waits in memory
/// run on the <see cref="TimeProvider"/> they are given (the service's clock), so tests move them with a fake clock.
/// </summary>
public sealed class RetryPolicy
{
    /// <param name="firstDelay">The wait after the first failure.</param>
    /// <param name="maxDelay">The longest wait however many failures came before (at least <paramref name="firstDelay"/>).</param>
    /// <param name="maxAttempts">Tries in all before giving up (1: no retry).</param>
    /// <param name="jitter">How far each wait may stray, as a share of it (0.2: ±20 %), so that many retries do not arrive together.</param>
    /// <param name="minPeriod">Given up only once this long has also passed since the first try.</param>
    public RetryPolicy(TimeSpan firstDelay, TimeSpan maxDelay, int maxAttempts = int.MaxValue, double jitter = 0, TimeSpan minPeriod = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(firstDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDelay, firstDelay);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(jitter);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(jitter, 1);
        FirstDelay = firstDelay;
        MaxDelay = maxDelay;
        MaxAttempts = maxAttempts;
        Jitter = jitter;
        MinPeriod = minPeriod;
    }

    /// <summary>Tries again at once, up to <paramref name="attempts"/> tries in all (a race lost to another writer).</summary>
    public static RetryPolicy Immediately(int attempts) => new(TimeSpan.Zero, TimeSpan.Zero, attempts);

    /// <summary>The same wait every time, up to <paramref name="attempts"/> tries in all.</summary>
    public static RetryPolicy Every(TimeSpan interval, int attempts = int.MaxValue) => new(interval, interval, attempts);

    public TimeSpan FirstDelay { get; }

    public TimeSpan MaxDelay { get; }

    public int MaxAttempts { get; }

    public double Jitter { get; }

    public TimeSpan MinPeriod { get; }

    /// <summary>
    /// The wait after <paramref name="failures"/> failed tries (counting from 1); <paramref name="retryAfter"/>, when
    /// more than zero, is the platform's own wait and is kept as it is.
    /// </summary>
    public TimeSpan DelayAfter(int failures, TimeSpan retryAfter = default)
    {
        if (retryAfter > TimeSpan.Zero)
        {
            return retryAfter;
        }
        var delay = FirstDelay.TotalMilliseconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        if (Jitter > 0)
        {
            delay *= 1 - Jitter + (2 * Jitter * Random.Shared.NextDouble());
        }
        return TimeSpan.FromMilliseconds(Math.Min(delay, MaxDelay.TotalMilliseconds));
    }

    /// <summary>True when, after <paramref name="failures"/> failed tries over <paramref name="sinceFirst"/>, no more are made.</summary>
    public bool GivesUp(int failures, TimeSpan sinceFirst = default) => failures >= MaxAttempts && sinceFirst >= MinPeriod;

    /// <summary>
    /// Waits on <paramref name="time"/> before the try after <paramref name="failures"/> failed ones, and says true; says
    /// false at once when that was the last try.
    /// </summary>
    public async Task<bool> WaitAsync(int failures, TimeProvider time, CancellationToken ct, TimeSpan retryAfter = default)
    {
        ArgumentNullException.ThrowIfNull(time);
        if (GivesUp(failures))
        {
            return false;
        }
        var wait = DelayAfter(failures, retryAfter);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct);
        }
        return true;
    }

    /// <summary>
    /// Runs <paramref name="action"/> until it succeeds. A failure <paramref name="transient"/> answers null for is final
    /// and thrown at once; otherwise its answer is the platform's own wait (zero: none named) and the action is tried
    /// again after it, until the tries are used up (then the last failure is thrown). <paramref name="onRetry"/> hears of
    /// each failure tried again: the failure, how many so far, and the wait.
    /// </summary>
    public async Task<T> ExecuteAsync<T>(
        Func<CancellationToken, Task<T>> action, Func<Exception, TimeSpan?> transient, TimeProvider time,
        Action<Exception, int, TimeSpan>? onRetry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(transient);
        ArgumentNullException.ThrowIfNull(time);
        var failures = 0;
        while (true)
        {
            TimeSpan wait;
            try
            {
                return await action(ct);
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && !GivesUp(failures + 1) && transient(ex) is { } retryAfter)
            {
                failures++;
                wait = DelayAfter(failures, retryAfter);
                onRetry?.Invoke(ex, failures, wait);
            }
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct);
            }
        }
    }

    /// <inheritdoc cref="ExecuteAsync{T}"/>
    public Task ExecuteAsync(
        Func<CancellationToken, Task> action, Func<Exception, TimeSpan?> transient, TimeProvider time,
        Action<Exception, int, TimeSpan>? onRetry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(action);
        return ExecuteAsync(async t =>
        {
            await action(t);
            return true;
        }, transient, time, onRetry, ct);
    }
}
