using System.Security.Cryptography;
using System.Text;
using Hromada.Core.Access;
using Hromada.Core.Audit;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Auth;

/// <summary>Creates, lists, revokes and verifies admin API keys. Only a SHA-256 hash of a key is stored.</summary>
public sealed class ApiKeyService(HromadaDbContext db, AuditLog audit, TimeProvider time)
{
    private const string KeyPrefix = "hb_";

    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, AdminRole role, string? reviewBodyCode, string actor, CancellationToken ct = default)
    {
        name = name.Trim();
        if (name.Length is 0 or > 200)
        {
            throw new ArgumentException("A key needs a name of 1 to 200 characters.", nameof(name));
        }
        if (await db.ApiKeys.AnyAsync(k => k.Name == name, ct))
        {
            throw new ArgumentException($"A key named '{name}' already exists.", nameof(name));
        }

        int? reviewBodyId = null;
        if (role == AdminRole.Reviewer)
        {
            if (string.IsNullOrWhiteSpace(reviewBodyCode))
            {
                throw new ArgumentException("A Reviewer key must be bound to a review body (--review-body CODE).", nameof(reviewBodyCode));
            }
            reviewBodyId = (await db.ReviewBodies.SingleOrDefaultAsync(b => b.Code == reviewBodyCode && !b.IsRetired, ct))?.Id
                ?? throw new ArgumentException($"There is no review body with code '{reviewBodyCode}'.", nameof(reviewBodyCode));
        }
        else if (!string.IsNullOrWhiteSpace(reviewBodyCode))
        {
            throw new ArgumentException("Only a Reviewer key is bound to a review body.", nameof(reviewBodyCode));
        }

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = $"{KeyPrefix}{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        return (await StoreAsync(name, role, reviewBodyId, prefix, secret, actor, ct), secret);
    }

    /// <summary>Stores a key whose secret was chosen by the administrator (the bootstrap key).</summary>
    public async Task<ApiKey> ImportAsync(string name, AdminRole role, string secret, string actor, CancellationToken ct = default)
    {
        var prefix = PrefixOf(secret);
        return await StoreAsync(name, role, null, prefix, secret, actor, ct);
    }

    private async Task<ApiKey> StoreAsync(string name, AdminRole role, int? reviewBodyId, string prefix, string secret, string actor, CancellationToken ct)
    {
        var key = new ApiKey
        {
            Name = name,
            Role = role,
            ReviewBodyId = reviewBodyId,
            Prefix = prefix,
            Hash = Hash(secret),
            CreatedAt = time.GetUtcNow(),
        };
        db.ApiKeys.Add(key);
        audit.Record(actor, "ApiKey", name, "Created", null, new { key.Name, Role = key.Role.ToString(), key.ReviewBodyId });
        await db.SaveChangesAsync(ct);
        return key;
    }

    public Task<List<ApiKey>> ListAsync(CancellationToken ct = default) =>
        db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(ct);

    public async Task<bool> RevokeAsync(string name, string actor, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Name == name && k.RevokedAt == null, ct);
        if (key is null)
        {
            return false;
        }
        key.RevokedAt = time.GetUtcNow();
        audit.Record(actor, "ApiKey", name, "Revoked", null, new { key.RevokedAt });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The active key matching <paramref name="secret"/>, or null. The hash comparison takes constant time.</summary>
    public async Task<ApiKey?> VerifyAsync(string secret, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(secret) || secret.Length > 512)
        {
            return null;
        }
        var prefix = PrefixOf(secret);
        var candidates = await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix && k.RevokedAt == null).ToListAsync(ct);
        var hash = Encoding.ASCII.GetBytes(Hash(secret));
        return candidates.FirstOrDefault(k => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(k.Hash), hash));
    }

    private static string PrefixOf(string secret)
    {
        if (secret.StartsWith(KeyPrefix, StringComparison.Ordinal) && secret.Length > 14 && secret[13] == '_')
        {
            return secret[3..13];
        }
        // A key chosen by hand (the bootstrap key): look it up by the start of its hash.
        return "h" + Hash(secret)[..9];
    }

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
