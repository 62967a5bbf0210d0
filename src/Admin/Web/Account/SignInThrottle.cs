using System.Threading.RateLimiting;
using Hromada.Core.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Web.Account;

/// <summary>
/// Wrong keys at sign-in, counted per client (<see cref="ClientKey"/>) in one-minute windows. Past
/// <see cref="AdminWebOptions.SignInFailuresPerMinute"/> the address is slowed, never shut out: its attempts are checked
/// one at a time, and each wrong one holds the next for <see cref="Penalty"/> and is answered 429. The right key is
/// always let in — several people behind one proxy share an address, and one person's typos must not lock out the rest.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    /// <summary>How long a wrong key from an address past its limit holds that address's next attempt.</summary>
    public static readonly TimeSpan Penalty = TimeSpan.FromSeconds(1);

    // Attempts of slowed addresses queue here; striped so the set of gates never grows with the number of addresses.
    private readonly SemaphoreSlim[] _gates = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();
    private readonly PartitionedRateLimiter<string> _failures;
    private readonly TimeProvider _time;

    public SignInThrottle(IOptions<AdminWebOptions> options, TimeProvider time)
    {
        _time = time;
        var limit = options.Value.SignInFailuresPerMinute;
        _failures = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    /// <summary>
    /// Checks a key for the request's client with <paramref name="verify"/> (null: a wrong key). A wrong key is counted;
    /// <see cref="SignInAttempt{T}.Throttled"/> says the client was past its limit (the answer should be 429).
    /// </summary>
    public async Task<SignInAttempt<T>> AttemptAsync<T>(HttpContext context, Func<CancellationToken, Task<T?>> verify, CancellationToken ct)
        where T : class
    {
        var client = ClientKey.Of(context.Connection.RemoteIpAddress);
        if (_failures.GetStatistics(client)?.CurrentAvailablePermits is not 0)
        {
            var found = await verify(ct);
            if (found is null)
            {
                Failed(client);
            }
            return new SignInAttempt<T>(found, Throttled: false);
        }

        var gate = _gates[(int)((uint)StringComparer.Ordinal.GetHashCode(client) % (uint)_gates.Length)];
        await gate.WaitAsync(ct);
        try
        {
            var found = await verify(ct);
            if (found is not null)
            {
                return new SignInAttempt<T>(found, Throttled: false);
            }
            Failed(client);
            await Task.Delay(Penalty, _time, ct);
            return new SignInAttempt<T>(null, Throttled: true);
        }
        finally
        {
            gate.Release();
        }
    }

    private void Failed(string client)
    {
        using var lease = _failures.AttemptAcquire(client);
    }

    public void Dispose()
    {
        _failures.Dispose();
        foreach (var gate in _gates)
        {
            gate.Dispose();
        }
    }
}

/// <summary>The outcome of a sign-in attempt: the key found (null: wrong), and whether the client was past its limit.</summary>
public sealed record SignInAttempt<T>(T? Found, bool Throttled) where T : class;
