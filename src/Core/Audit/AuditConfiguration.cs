using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Audit;

internal sealed class AuditConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.Actor).HasMaxLength(200);
        b.Property(x => x.EntityType).HasMaxLength(50);
        b.Property(x => x.EntityKey).HasMaxLength(100);
        b.Property(x => x.Action).HasMaxLength(100);
        b.Property(x => x.Kind).HasMaxLength(50);
        b.HasIndex(x => new { x.EntityType, x.EntityKey });
    }
}
