using Hromada.Core.Catalogs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Access;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(x => x.Name).HasMaxLength(200);
        b.HasIndex(x => x.Name).IsUnique();
        b.Property(x => x.Prefix).HasMaxLength(20);
        b.HasIndex(x => x.Prefix);
        b.Property(x => x.Hash).HasMaxLength(200);
        b.HasOne<ReviewBody>().WithMany().HasForeignKey(x => x.ReviewBodyId).OnDelete(DeleteBehavior.Restrict);
    }
}
