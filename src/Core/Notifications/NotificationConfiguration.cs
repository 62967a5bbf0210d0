using Hromada.Core.Residents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Notifications;

internal sealed class OutboundNoticeConfiguration : IEntityTypeConfiguration<OutboundNotice>
{
    public void Configure(EntityTypeBuilder<OutboundNotice> b)
    {
        b.Property(x => x.Kind).HasMaxLength(50);
        b.Property(x => x.HeldReason).HasMaxLength(500);
        b.HasIndex(x => new { x.ResidentId, x.DeliveredAt });
        b.HasOne<Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
