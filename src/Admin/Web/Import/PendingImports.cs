using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Memory;

namespace Hromada.Admin.Web.Import;

/// <summary>
/// A checked Google Forms file waiting for the secretary to confirm the import: kept in memory (never on disk, since it
/// holds personal data) for <see cref="Lifetime"/>, only for the user who uploaded it. A restart forgets it; the page
/// then asks for the file again.
/// </summary>
public sealed class PendingImports : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    // The largest an upload may be, twice over for UTF-16: at most a few files wait at once.
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 200L * 1024 * 1024 });

    /// <summary>Keeps <paramref name="csv"/> and returns the token that fetches it back.</summary>
    public string Keep(string actor, string csv)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _cache.Set((actor, token), csv, new MemoryCacheEntryOptions { Size = csv.Length * 2L, SlidingExpiration = Lifetime });
        return token;
    }

    public string? Find(string actor, string? token) =>
        token is not null && _cache.TryGetValue((actor, token), out string? csv) ? csv : null;

    public void Forget(string actor, string token) => _cache.Remove((actor, token));

    public void Dispose() => _cache.Dispose();
}
