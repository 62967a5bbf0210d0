using System.Security.Cryptography;
using System.Text;
using Hromada.Admin.Commands;
using Hromada.Core.Access;
using Hromada.Core.Audit;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Auth;

/// <summary>
/// Creates, lists, revokes and verifies admin API keys. Only a salted hash of a key is stored: HMAC-SHA256 keyed with a
/// random salt of its own, as <c>s1$salt$hash</c> (hex). A key's lookup prefix is part of the generated key, so
/// verifying hashes one candidate; keys chosen by hand (the bootstrap key) share the prefix <c>manual</c>.
/// Keys of the first build (unsalted SHA-256) still verify, and are re-stored salted when they are first used.
/// </summary>
public sealed class ApiKeyService(HromadaDbContext db, AuditLog audit, TimeProvider time)
{
    private const string KeyPrefix = "hb_";
    private const string ManualPrefix = "manual";
    private const string Scheme = "s1";

    /// <summary>Creates a key and returns it with its secret, shown once; a name taken or a wrong review body throws <see cref="ArgumentException"/>.</summary>
    public async Task<(ApiKey Key, string Secret)> CreateAsync(string name, AdminRole role, string? reviewBodyCode, string actor, CancellationToken ct = default)
    {
        var result = await TryCreateAsync(name, role, reviewBodyCode, actor, ct);
        if (result.Failure is { Errors: { } errors })
        {
            var first = errors.All[0];
            throw new ArgumentException(first.English, first.Field);
        }
        return result.Value;
    }

    /// <summary>Creates a key; a name taken, a wrong role or review body is reported by field (name, role, reviewBody).</summary>
    public async Task<CommandResult<(ApiKey Key, string Secret)>> TryCreateAsync(
        string? name, AdminRole? role, string? reviewBodyCode, string actor, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        name = name?.Trim() ?? "";
        if (name.Length is 0 or > 200)
        {
            errors.Add("name", "A key needs a name of 1 to 200 characters.", "Дайте ключу назву до 200 символів.");
        }
        else if (await db.ApiKeys.AnyAsync(k => k.Name == name, ct))
        {
            errors.Add("name", $"A key named '{name}' already exists.", $"Ключ із назвою «{name}» уже є: назва має бути іншою.");
        }

        int? reviewBodyId = null;
        if (role is null || !Enum.IsDefined(role.Value))
        {
            errors.Add("role", $"Unknown role. Roles: {string.Join(", ", Enum.GetNames<AdminRole>())}.", "Оберіть роль.");
        }
        else if (role == AdminRole.Reviewer)
        {
            if (string.IsNullOrWhiteSpace(reviewBodyCode))
            {
                errors.Add("reviewBody", "A Reviewer key must be bound to a review body (--review-body CODE).",
                    "Ключ органу розгляду привʼязується до органу: оберіть його.");
            }
            else
            {
                reviewBodyId = (await db.ReviewBodies.SingleOrDefaultAsync(b => b.Code == reviewBodyCode && !b.IsRetired, ct))?.Id;
                if (reviewBodyId is null)
                {
                    errors.Add("reviewBody", $"There is no review body with code '{reviewBodyCode}'.", "Такого органу розгляду немає: оберіть зі списку.");
                }
            }
        }
        else if (!string.IsNullOrWhiteSpace(reviewBodyCode))
        {
            errors.Add("reviewBody", "Only a Reviewer key is bound to a review body.", "До органу розгляду привʼязується лише ключ із роллю «Орган розгляду».");
        }
        if (errors.Any)
        {
            return CommandFailure.Invalid("The key cannot be created", "Ключ не можна створити", errors);
        }

        var prefix = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        var secret = $"{KeyPrefix}{prefix}_{Base64Url(RandomNumberGenerator.GetBytes(32))}";
        return CommandResult.Done((await StoreAsync(name, role!.Value, reviewBodyId, prefix, secret, actor, ct), secret));
    }

    /// <summary>Stores a key whose secret was chosen by the administrator (the bootstrap key).</summary>
    public async Task<ApiKey> ImportAsync(string name, AdminRole role, string secret, string actor, CancellationToken ct = default) =>
        await StoreAsync(name, role, null, GeneratedPrefixOf(secret) ?? ManualPrefix, secret, actor, ct);

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
        audit.Record(actor, name, new ApiKeyCreated(new ApiKeyState(key.Name, key.Role, key.ReviewBodyId)));
        await db.SaveChangesAsync(ct);
        return key;
    }

    public Task<List<ApiKey>> ListAsync(CancellationToken ct = default) =>
        db.ApiKeys.AsNoTracking().OrderBy(k => k.Name).ToListAsync(ct);

    /// <summary>The codes of the review bodies keys are bound to, by id (what <c>keys list</c> shows instead of the id).</summary>
    public Task<Dictionary<int, string>> ReviewBodyCodesAsync(CancellationToken ct = default) =>
        db.ReviewBodies.AsNoTracking().ToDictionaryAsync(b => b.Id, b => b.Code, ct);

    public async Task<bool> RevokeAsync(string name, string actor, CancellationToken ct = default)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Name == name && k.RevokedAt == null, ct);
        if (key is null)
        {
            return false;
        }
        key.RevokedAt = time.GetUtcNow();
        audit.Record(actor, name, new ApiKeyRevoked(new RevocationState(key.RevokedAt)));
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
        var generated = GeneratedPrefixOf(secret);
        var prefixes = generated is not null ? [generated] : new[] { ManualPrefix, LegacyManualPrefixOf(secret) };
        var candidates = await db.ApiKeys.AsNoTracking().Where(k => prefixes.Contains(k.Prefix) && k.RevokedAt == null).ToListAsync(ct);
        var key = candidates.FirstOrDefault(k => Matches(k.Hash, secret));
        if (key is not null && !key.Hash.StartsWith(Scheme + "$", StringComparison.Ordinal))
        {
            // A key of the first build: now that its secret is known, store it salted.
            key.Hash = Hash(secret);
            key.Prefix = generated ?? ManualPrefix;
            await db.ApiKeys.Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(u => u.SetProperty(k => k.Hash, key.Hash).SetProperty(k => k.Prefix, key.Prefix), ct);
        }
        return key;
    }

    private static string? GeneratedPrefixOf(string secret) =>
        secret.StartsWith(KeyPrefix, StringComparison.Ordinal) && secret.Length > 14 && secret[13] == '_' ? secret[3..13] : null;

    /// <summary>How the first build looked up a key chosen by hand: by the start of its unsalted hash.</summary>
    private static string LegacyManualPrefixOf(string secret) => "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)))[..9];

    private static string Hash(string secret)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"{Scheme}${Convert.ToHexStringLower(salt)}${Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret)))}";
    }

    private static bool Matches(string stored, string secret)
    {
        var parts = stored.Split('$');
        if (parts is [Scheme, var saltHex, var hashHex])
        {
            byte[] salt, expected;
            try
            {
                salt = Convert.FromHexString(saltHex);
                expected = Convert.FromHexString(hashHex);
            }
            catch (FormatException)
            {
                return false;
            }
            return CryptographicOperations.FixedTimeEquals(expected, HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(secret)));
        }
        // The first build's unsalted SHA-256, in hex.
        var legacy = Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret))));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), legacy);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
