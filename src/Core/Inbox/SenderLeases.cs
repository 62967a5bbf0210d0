using System.Collections.Concurrent;
using Hromada.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Inbox;

/// <summary>
/// Claims a sender's messages for this instance in the database (a row per sender with an owner and an expiry), so
/// that several instances sharing a database never handle one resident's messages out of order. A claim is renewed
/// when half of it is left, so with one instance the cost is one small write per resident per half lease.
/// </summary>
public sealed class SenderLeases(IServiceScopeFactory scopes, IOptions<PipelineOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _held = new(StringComparer.Ordinal);

    public string Owner => options.Value.ResolvedInstanceId;

    /// <summary>True when this instance holds (or now took) the claim on <paramref name="key"/>.</summary>
    public async Task<bool> HoldAsync(string key, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var lease = options.Value.LeaseDuration;
        if (_held.TryGetValue(key, out var until) && until - now > lease / 2)
        {
            return true;
        }
        var expires = now + lease;
        await using var scope = scopes.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<IPipelineStore>().HoldSenderAsync(key, Owner, now, expires, ct))
        {
            _held[key] = expires;
            return true;
        }
        _held.TryRemove(key, out _);
        return false;
    }

    /// <summary>Forgets local claims that have run out (the rows are purged by retention).</summary>
    public void Trim()
    {
        var now = time.GetUtcNow();
        foreach (var (key, until) in _held)
        {
            if (until < now)
            {
                _held.TryRemove(key, out _);
            }
        }
    }
}
