using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Consultations;

/// <summary>Finds the consultation a new proposal belongs to.</summary>
internal static class ConsultationQueries
{
    /// <summary>The most recently opened consultation that is accepting proposals at <paramref name="now"/>, or null.</summary>
    public static async Task<Consultation?> FindAcceptingAsync(this HromadaDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var candidates = await db.Consultations.Where(c => c.ClosedAt == null && c.OpensAt <= now)
            .OrderByDescending(c => c.OpensAt).ToListAsync(ct);
        return candidates.FirstOrDefault();
    }

    /// <summary>
    /// Every consultation accepting proposals at <paramref name="now"/>, the earliest opened first, from the
    /// <see cref="Catalogs.CatalogCache"/> (what the conversation asks on every message).
    /// </summary>
    public static async Task<IReadOnlyList<Consultation>> ListAcceptingAsync(this Catalogs.CatalogCache cache, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return (await cache.GetAsync(ct)).Accepting(now);
    }

    /// <summary>Every consultation accepting proposals at <paramref name="now"/>, the earliest opened first.</summary>
    public static async Task<IReadOnlyList<Consultation>> ListAcceptingAsync(this HromadaDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var candidates = await db.Consultations.Where(c => c.ClosedAt == null && c.OpensAt <= now).ToListAsync(ct);
        return candidates.OrderBy(c => c.OpensAt).ThenBy(c => c.Id).ToList();
    }
}
