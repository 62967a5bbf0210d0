using Hromada.Core.Access;
using Hromada.Core.Announcements;
using Hromada.Core.Audit;
using Hromada.Core.Catalogs;
using Hromada.Core.Consultations;
using Hromada.Core.Inbox;
using Hromada.Core.Meetings;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Storage;

/// <summary>The service's database. Entity mappings live beside each feature as <c>XConfiguration</c> classes.</summary>
public sealed class HromadaDbContext(DbContextOptions<HromadaDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Sphere> Spheres => Set<Sphere>();
    public DbSet<Topic> Topics => Set<Topic>();
    public DbSet<StarostaDistrict> StarostaDistricts => Set<StarostaDistrict>();
    public DbSet<Settlement> Settlements => Set<Settlement>();
    public DbSet<AuthorCategory> AuthorCategories => Set<AuthorCategory>();
    public DbSet<SocialGroup> SocialGroups => Set<SocialGroup>();
    public DbSet<BusinessKind> BusinessKinds => Set<BusinessKind>();
    public DbSet<ReviewBody> ReviewBodies => Set<ReviewBody>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<ConsultationExtension> ConsultationExtensions => Set<ConsultationExtension>();
    public DbSet<AnswerTemplate> AnswerTemplates => Set<AnswerTemplate>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<ProposalRoute> ProposalRoutes => Set<ProposalRoute>();
    public DbSet<ReferenceCounter> ReferenceCounters => Set<ReferenceCounter>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<ProcessedMessage> ProcessedMessages => Set<ProcessedMessage>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<InboxItem> InboxItems => Set<InboxItem>();
    public DbSet<SenderLease> SenderLeases => Set<SenderLease>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<PagedMenu> PagedMenus => Set<PagedMenu>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<AdminSession> AdminSessions => Set<AdminSession>();
    public DbSet<Announcement> Announcements => Set<Announcement>();
    public DbSet<AnnouncementTargetProgress> AnnouncementTargets => Set<AnnouncementTargetProgress>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingItem> MeetingItems => Set<MeetingItem>();
    public DbSet<Participation.ParticipationActivity> ParticipationActivities => Set<Participation.ParticipationActivity>();
    public DbSet<Reports.WeeklySummary> WeeklySummaries => Set<Reports.WeeklySummary>();
    public DbSet<Letters.Letter> Letters => Set<Letters.Letter>();
    public DbSet<Letters.LetterMessage> LetterMessages => Set<Letters.LetterMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Stored as sortable UTC text, so SQLite compares and orders instants correctly and a person can read them.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTextConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTextConverter>();
        configurationBuilder.Properties<Channel>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ProposalStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<DecisionOutcome>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReviewStance>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<AdminRole>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<AuthorDetail>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HromadaDbContext).Assembly);
        if (!Database.IsSqlite())
        {
            ForPostgreSql(modelBuilder);
        }
    }

    /// <summary>
    /// The few things of the mapping only SQLite understands, made portable for PostgreSQL (its own migrations,
    /// Hromada.Migrations.PostgreSql): SQLite's NOCASE collation does not exist there (a catalog code is compared as
    /// written), and an index filter must quote its column names (PostgreSQL folds unquoted names to lower case).
    /// </summary>
    private static void ForPostgreSql(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.GetCollation() == "NOCASE"))
            {
                property.SetCollation(null);
            }
            foreach (var index in entity.GetIndexes())
            {
                if (index.GetFilter() is { } filter && !filter.Contains('"', StringComparison.Ordinal))
                {
                    var quoted = filter;
                    foreach (var property in index.Properties)
                    {
                        quoted = System.Text.RegularExpressions.Regex.Replace(quoted, $@"\b{property.GetColumnName()}\b", $"\"{property.GetColumnName()}\"");
                    }
                    index.SetFilter(quoted);
                }
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var (detect, catalogChanged) = BumpVersions();
        try
        {
            var saved = base.SaveChanges(acceptAllChangesOnSuccess);
            CatalogSaved(catalogChanged);
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (detect, catalogChanged) = BumpVersions();
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            CatalogSaved(catalogChanged);
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// After (not before) a save that changed what the catalog cache holds: a reload between a bump and the save would
    /// cache the old rows under the new version. Inside a transaction the rows are visible at commit, so a reload
    /// between this save and the commit can still cache old rows; the cache's age limit bounds that.
    /// </summary>
    private static void CatalogSaved(bool catalogChanged)
    {
        if (catalogChanged)
        {
            CatalogCache.Changed();
        }
    }

    /// <summary>Detects changes once and bumps concurrency versions; the save then skips a second detection.</summary>
    private (bool Detect, bool CatalogChanged) BumpVersions()
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
            ChangeTracker.AutoDetectChangesEnabled = false;
        }
        var catalogChanged = false;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Modified && entry.Metadata.FindProperty("Version") is { IsConcurrencyToken: true } version)
            {
                var property = entry.Property(version.Name);
                property.CurrentValue = (int)property.OriginalValue! + 1;
            }
            catalogChanged |= entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
                && entry.Entity is CatalogItem or Consultation or ConsultationExtension;
        }
        return (detect, catalogChanged);
    }
}
