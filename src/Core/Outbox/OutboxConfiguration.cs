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
        b.Property(x => x.Language).HasMaxLength(20);
        // Every message is written and updated a few times, so indexes cover only the rows their queries look for.
        b.HasIndex(x => x.NextAttemptAt).HasDatabaseName("IX_OutboxMessages_Pending").HasFilter("\"Status\" = 'Pending'");
        b.HasIndex(x => x.CompletedAt).HasDatabaseName("IX_OutboxMessages_Failed").HasFilter("\"Status\" = 'Failed'");
        b.HasIndex(x => new { x.Channel, x.Recipient });
        b.HasIndex(x => new { x.ResidentId, x.Status });
        b.HasIndex(x => x.ProposalId).HasFilter("\"ProposalId\" IS NOT NULL");
        b.HasIndex(x => new { x.AnnouncementId, x.Status }).HasFilter("\"AnnouncementId\" IS NOT NULL");
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
