using System.Text.Json;
using Hromada.Admin.Commands;
using Hromada.Core.Audit;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Audit;

/// <summary>
/// One entry of the audit trail as the API gives it: who changed what and when, the typed event's stored kind and
/// version (null and 0 for an entry written before the events were typed), and the state before and after as stored.
/// </summary>
public sealed record AuditEntryDto(
    long Id, DateTimeOffset At, string Actor, string EntityType, string EntityKey, string Action, string? Kind, int Version,
    JsonElement? Before, JsonElement? After);

/// <summary>What the trail is filtered by; every part optional.</summary>
public sealed record AuditFilter(string? EntityType = null, string? EntityKey = null, string? Actor = null);

/// <summary>
/// Every change anyone made, newest first: proposals, consultations, answer templates, meetings, announcements,
/// letters, keys, review bodies' contacts and exports with personal data. The entries are never changed or deleted;
/// this only reads them.
/// </summary>
public sealed class AuditTrail(HromadaDbContext db)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>The things entries are about, by their stored name, with the words the page uses for them.</summary>
    public static readonly IReadOnlyDictionary<string, string> EntityTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Proposal"] = "пропозиції",
        ["Consultation"] = "консультації",
        ["AnswerTemplate"] = "шаблони відповідей",
        ["Meeting"] = "засідання",
        ["Announcement"] = "оголошення",
        ["Letter"] = "листи групам",
        ["ApiKey"] = "ключі доступу",
        ["ReviewBody"] = "органи розгляду",
        ["Export"] = "вивантаження з персональними даними",
    };

    /// <summary>One page of the entries <paramref name="filter"/> keeps, newest first, and how many it keeps in all.</summary>
    public async Task<PageDto<AuditEntry>> ListAsync(AuditFilter filter, PageRequest page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            query = query.Where(a => a.EntityType == filter.EntityType.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.EntityKey))
        {
            query = query.Where(a => a.EntityKey == filter.EntityKey.Trim());
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            query = query.Where(a => a.Actor == filter.Actor.Trim());
        }
        var total = await query.CountAsync(ct);
        // By id: the order they were written in (the database cannot order SQLite's stored moments itself).
        var rows = await query.OrderByDescending(a => a.Id).Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new PageDto<AuditEntry>(rows, total, page.Page, page.PageSize);
    }

    public static AuditEntryDto ToDto(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.At, entry.Actor, entry.EntityType, entry.EntityKey, entry.Action, entry.Kind, entry.Version,
            Json(entry.Before), Json(entry.After));
    }

    private static JsonElement? Json(string? stored) =>
        // Not JSON (nothing writes such a row; a hand-edited database could): given as a string rather than lost.
        Parse(stored) ?? (string.IsNullOrWhiteSpace(stored) ? null : JsonSerializer.SerializeToElement(stored));

    /// <summary>A stored before/after body as JSON; null when there is none or it is not JSON.</summary>
    public static JsonElement? Parse(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(stored);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
