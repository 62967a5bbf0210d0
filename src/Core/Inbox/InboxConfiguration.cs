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
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => new { x.Channel, x.SenderKey, x.Status });
        b.HasIndex(x => x.ReceivedAt);
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
