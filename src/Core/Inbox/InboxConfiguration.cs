using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Inbox;

internal sealed class InboxConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.Property(x => x.ExternalId).HasMaxLength(200);
        b.Property(x => x.SenderKey).HasMaxLength(200);
        // "Done" is written only over "Pending": two handlers of one item cannot both commit.
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(x => x.LastError).HasMaxLength(1000);
        b.HasIndex(x => new { x.Channel, x.ExternalId }).IsUnique();
        // Only pending and set-aside items are looked for by status; a handled item leaves those indexes.
        // Pending items are read in id order (one sender's in the order they came), so the index is on the id.
        b.HasIndex(x => x.Id).HasDatabaseName("IX_InboxItems_Pending").HasFilter("\"Status\" = 'Pending'");
        b.HasIndex(x => x.ProcessedAt).HasDatabaseName("IX_InboxItems_SetAside").HasFilter("\"Status\" = 'SetAside'");
        b.HasIndex(x => new { x.Channel, x.SenderKey });
    }
}

internal sealed class SenderLeaseConfiguration : IEntityTypeConfiguration<SenderLease>
{
    public void Configure(EntityTypeBuilder<SenderLease> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(220);
        b.Property(x => x.Owner).HasMaxLength(100);
    }
}
