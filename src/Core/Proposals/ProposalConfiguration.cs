using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Proposals;

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> b)
    {
        b.Property(x => x.Reference).HasMaxLength(20);
        b.HasIndex(x => x.Reference).IsUnique();
        b.HasIndex(x => x.ExternalKey).IsUnique();
        b.HasIndex(x => x.ReceivedAt);
        b.HasIndex(x => x.Status);
        b.Property(x => x.Language).HasMaxLength(20);
        b.Property(x => x.ReceiptCode).HasMaxLength(20);
        b.Property(x => x.PublicTextHiddenReason).HasMaxLength(500);
        b.Property(x => x.Text).HasMaxLength(20000);
        b.Property(x => x.SearchText).HasMaxLength(20500);
        b.Property(x => x.UnlistedSettlement).HasMaxLength(200);
        b.Property(x => x.AuthorName).HasMaxLength(300);
        b.Property(x => x.AuthorPhone).HasMaxLength(30);
        b.Property(x => x.AuthorEmail).HasMaxLength(320);
        b.Property(x => x.ConsentVersion).HasMaxLength(50);
        b.Property(x => x.DuplicateOfReference).HasMaxLength(20);
        b.Property(x => x.Justification).HasMaxLength(10000);
        b.Property(x => x.ProtocolNumber).HasMaxLength(100);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.ExternalKey).HasMaxLength(100);
        b.Property(x => x.Version).IsConcurrencyToken();

        b.HasOne(x => x.Consultation).WithMany().HasForeignKey(x => x.ConsultationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Resident).WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(x => x.AuthorCategory).WithMany().HasForeignKey(x => x.AuthorCategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.BusinessKind).WithMany().HasForeignKey(x => x.BusinessKindId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Settlement).WithMany().HasForeignKey(x => x.SettlementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.ResidenceSettlement).WithMany().HasForeignKey(x => x.ResidenceSettlementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Sphere).WithMany().HasForeignKey(x => x.SphereId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Topic).WithMany().HasForeignKey(x => x.TopicId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.SocialGroups).WithMany().UsingEntity("ProposalSocialGroups");
        b.HasMany(x => x.Routes).WithOne(x => x.Proposal).HasForeignKey(x => x.ProposalId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProposalRouteConfiguration : IEntityTypeConfiguration<ProposalRoute>
{
    public void Configure(EntityTypeBuilder<ProposalRoute> b)
    {
        b.Property(x => x.RoutedBy).HasMaxLength(200);
        b.Property(x => x.PositionBy).HasMaxLength(200);
        b.Property(x => x.PositionJustification).HasMaxLength(10000);
        b.HasIndex(x => new { x.ProposalId, x.ReviewBodyId }).IsUnique();
        b.HasIndex(x => x.DueDate);
        b.HasOne(x => x.ReviewBody).WithMany().HasForeignKey(x => x.ReviewBodyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReferenceCounterConfiguration : IEntityTypeConfiguration<ReferenceCounter>
{
    public void Configure(EntityTypeBuilder<ReferenceCounter> b)
    {
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
    }
}
