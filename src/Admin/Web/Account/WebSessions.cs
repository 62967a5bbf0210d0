using System.Security.Cryptography;
using Hromada.Core.Access;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Web.Account;

/// <summary>
/// The server's record of the web page's sessions (<see cref="AdminSession"/>): started at sign-in, ended at sign-out,
/// and looked up on every request, so an old cookie opens nothing once its session or its key has ended.
/// </summary>
public sealed class WebSessions(HromadaDbContext db, IOptions<AdminWebOptions> options, TimeProvider time)
{
    /// <summary>Starts a session for <paramref name="key"/> and returns its id; sessions long expired are removed on the way.</summary>
    public async Task<string> StartAsync(ApiKey key, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow();
        await db.AdminSessions.Where(s => s.ExpiresAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        var session = new AdminSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            ApiKeyId = key.Id,
            CreatedAt = now,
            ExpiresAt = now.AddHours(options.Value.SessionHours),
        };
        db.AdminSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session.Id;
    }

    /// <summary>True while the session is neither ended nor expired and its key is not revoked.</summary>
    public async Task<bool> IsLiveAsync(string sessionId, int keyId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var session = await db.AdminSessions.AsNoTracking()
            .Where(s => s.Id == sessionId && s.ApiKeyId == keyId && s.EndedAt == null)
            .Select(s => new { s.ExpiresAt })
            .FirstOrDefaultAsync(ct);
        return session is not null && session.ExpiresAt > now
            && await db.ApiKeys.AnyAsync(k => k.Id == keyId && k.RevokedAt == null, ct);
    }

    /// <summary>Ends the session: its cookie, wherever a copy of it is, opens nothing any more.</summary>
    public async Task EndAsync(string sessionId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        await db.AdminSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }
}
