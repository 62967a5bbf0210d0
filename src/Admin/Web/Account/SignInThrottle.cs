using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Web.Account;

/// <summary>
/// Wrong keys at sign-in, counted per client address (an IPv6 client by its /64) in one-minute windows: past
/// <see cref="AdminWebOptions.SignInFailuresPerMinute"/> the address may not try again until the window ends. Only
/// failures count, so people who type their key right are never held up.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public SignInThrottle(IOptions<AdminWebOptions> options)
    {
        var limit = options.Value.SignInFailuresPerMinute;
        _failures = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
    }

    public bool IsBlocked(HttpContext context) => _failures.GetStatistics(KeyOf(context))?.CurrentAvailablePermits == 0;

    public void Failed(HttpContext context)
    {
        using var lease = _failures.AttemptAcquire(KeyOf(context));
    }

    private static string KeyOf(HttpContext context)
    {
        // The forwarded-headers middleware has already put the real client's address here (trusted proxies only).
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6 || IPAddress.IsLoopback(address))
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public void Dispose() => _failures.Dispose();
}
