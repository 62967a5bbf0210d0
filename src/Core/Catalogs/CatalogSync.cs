using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Catalogs;

/// <summary>
/// Brings the catalog tables in line with configuration by stable code: new codes are added, changed labels updated,
/// codes no longer configured retired. Nothing is deleted, so old proposals keep their references.
/// </summary>
internal sealed class CatalogSync(HromadaDbContext db, IOptions<CatalogOptions> options, ILogger<CatalogSync> logger)
{
    public async Task SyncAsync(CancellationToken ct = default)
    {
        var o = options.Value;
        var changes = new SyncCounter();

        var spheres = await SyncSetAsync(db.Spheres, o.Spheres, (_, _) => { }, changes, ct);
        var allTopics = await db.Topics.ToListAsync(ct);
        foreach (var (code, sphere) in spheres)
        {
            var configuredTopics = o.Spheres.First(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase)).Topics;
            var existingTopics = allTopics.Where(t => sphere.Id != 0 && t.SphereId == sphere.Id).ToList();
            Sync(db.Topics, existingTopics, configuredTopics, (t, _) => t.Sphere = sphere, changes);
        }

        var districts = await SyncSetAsync(db.StarostaDistricts, o.Districts, (_, _) => { }, changes, ct);
        await SyncSetAsync(db.Settlements, o.Settlements, (s, opt) =>
        {
            s.District = districts[opt.District];
            s.Kind = opt.Kind.Trim();
        }, changes, ct);
        await SyncSetAsync(db.AuthorCategories, o.AuthorCategories, (c, opt) => c.Asks = opt.Asks, changes, ct);
        await SyncSetAsync(db.SocialGroups, o.SocialGroups, (g, opt) => g.IsExclusive = opt.Exclusive, changes, ct);
        await SyncSetAsync(db.BusinessKinds, o.BusinessKinds, (_, _) => { }, changes, ct);
        await SyncSetAsync(db.ReviewBodies, o.ReviewBodies, (b, opt) =>
        {
            b.SphereCodes = string.Join(',', opt.Spheres);
            if (!b.ContactsSetOnPage)
            {
                b.TelegramChat = string.IsNullOrWhiteSpace(opt.TelegramChat) ? null : opt.TelegramChat.Trim();
                b.Emails = string.Join(',', opt.Emails.Select(e => e.Trim()).Where(e => e.Length > 0));
            }
        }, changes, ct);

        await db.SaveChangesAsync(ct);
        foreach (var warning in CatalogButtonLabels.WouldBeCut(o))
        {
            logger.LogWarning("{Warning}", warning);
        }
        logger.LogInformation(
            "Catalogs synced from configuration: {Added} added, {Updated} updated, {Retired} retired",
            changes.Added, changes.Updated, changes.Retired);
    }

    private static async Task<Dictionary<string, TEntity>> SyncSetAsync<TEntity, TOption>(
        DbSet<TEntity> set,
        List<TOption> configured,
        Action<TEntity, TOption> apply,
        SyncCounter changes,
        CancellationToken ct)
        where TEntity : CatalogItem, new()
        where TOption : CatalogEntryOption
    {
        var existing = await set.ToListAsync(ct);
        return Sync(set, existing, configured, apply, changes);
    }

    private static Dictionary<string, TEntity> Sync<TEntity, TOption>(
        DbSet<TEntity> set,
        List<TEntity> existing,
        List<TOption> configured,
        Action<TEntity, TOption> apply,
        SyncCounter changes)
        where TEntity : CatalogItem, new()
        where TOption : CatalogEntryOption
    {
        var byCode = existing.ToDictionary(e => e.Code, StringComparer.OrdinalIgnoreCase);
        var result = new Dictionary<string, TEntity>(StringComparer.OrdinalIgnoreCase);

        for (var i = 0; i < configured.Count; i++)
        {
            var option = configured[i];
            var label = option.Label.Trim();
            var shortLabel = string.IsNullOrWhiteSpace(option.ShortLabel) ? null : option.ShortLabel.Trim();
            if (!byCode.TryGetValue(option.Code, out var entity))
            {
                entity = new TEntity { Code = option.Code.Trim() };
                set.Add(entity);
                changes.Added++;
            }
            else if (entity.Label != label || entity.ShortLabel != shortLabel || entity.IsRetired || entity.SortOrder != i)
            {
                changes.Updated++;
            }

            entity.Label = label;
            entity.ShortLabel = shortLabel;
            entity.SortOrder = i;
            entity.IsRetired = false;
            apply(entity, option);
            result[option.Code] = entity;
        }

        foreach (var gone in existing.Where(e => !result.ContainsKey(e.Code) && !e.IsRetired))
        {
            gone.IsRetired = true;
            changes.Retired++;
        }

        return result;
    }

    private sealed class SyncCounter
    {
        public int Added { get; set; }
        public int Updated { get; set; }
        public int Retired { get; set; }
    }
}
