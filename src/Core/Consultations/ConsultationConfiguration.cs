using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Consultations;

internal sealed class ConsultationConfiguration : IEntityTypeConfiguration<Consultation>
{
    public void Configure(EntityTypeBuilder<Consultation> b)
    {
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasMany(x => x.Extensions).WithOne().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsultationExtensionConfiguration : IEntityTypeConfiguration<ConsultationExtension>
{
    public void Configure(EntityTypeBuilder<ConsultationExtension> b)
    {
        b.Property(x => x.Reason).HasMaxLength(2000);
        b.Property(x => x.ProtocolNumber).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasOne<Meetings.Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}
