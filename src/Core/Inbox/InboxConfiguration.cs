using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Inbox;

internal sealed class InboxConfiguration : IEntityTypeConfiguration<InboxItem>
{
    public void Configure(EntityTypeBuilder<InboxItem> b)
    {
        b.Property(x => x.ExternalId).HasMaxLength(200);
        b.HasIndex(x => new { x.Channel, x.ExternalId }).IsUnique();
        b.HasIndex(x => x.ProcessedAt);
    }
}
