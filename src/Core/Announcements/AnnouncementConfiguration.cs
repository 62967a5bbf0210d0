using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Announcements;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> b)
    {
        b.ToTable("Announcements");
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.RuleDirection).HasConversion<string>().HasMaxLength(10);
        b.Property(x => x.NoticeKey).HasMaxLength(100);
        b.Property(x => x.Title).HasMaxLength(AnnouncementValidator.TitleMaxLength);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.UpdatedBy).HasMaxLength(200);
        b.Property(x => x.CancelledBy).HasMaxLength(300);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.Ignore(x => x.Rule);
        b.HasIndex(x => x.PublicId).IsUnique();
        b.HasIndex(x => new { x.Status, x.SendAt });
        b.HasIndex(x => new { x.ConsultationId, x.Kind, x.NoticeKey }).IsUnique().HasFilter("NoticeKey IS NOT NULL");
        b.HasMany(x => x.Targets).WithOne().HasForeignKey(x => x.AnnouncementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnnouncementTargetProgressConfiguration : IEntityTypeConfiguration<AnnouncementTargetProgress>
{
    public void Configure(EntityTypeBuilder<AnnouncementTargetProgress> b)
    {
        b.ToTable("AnnouncementTargets");
        b.Property(x => x.Target).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Recipient).HasMaxLength(200);
        b.Property(x => x.SkippedReason).HasMaxLength(500);
        b.Property(x => x.SkippedReasonUkrainian).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasIndex(x => new { x.AnnouncementId, x.Target }).IsUnique();
    }
}
