using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Outbox;

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(x => x.Recipient).HasMaxLength(200);
        b.Property(x => x.Purpose).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LeaseOwner).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.Property(x => x.ReplyContext).HasMaxLength(200);
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => x.CompletedAt);
        b.HasIndex(x => new { x.Channel, x.Recipient, x.Status });
        b.HasIndex(x => new { x.ResidentId, x.Status });
        b.HasIndex(x => x.ProposalId);
        b.HasIndex(x => new { x.AnnouncementId, x.Status });
        b.HasOne(x => x.Resident).WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class PagedMenuConfiguration : IEntityTypeConfiguration<PagedMenu>
{
    public void Configure(EntityTypeBuilder<PagedMenu> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(64);
        b.HasIndex(x => x.CreatedAt);
    }
}
