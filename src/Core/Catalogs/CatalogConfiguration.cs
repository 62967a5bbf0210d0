using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Catalogs;

internal static class CatalogMapping
{
    public static void MapItem<T>(EntityTypeBuilder<T> b) where T : CatalogItem
    {
        b.Property(x => x.Code).HasMaxLength(40).UseCollation("NOCASE");
        b.Property(x => x.Label).HasMaxLength(300);
        b.Property(x => x.ShortLabel).HasMaxLength(40);
    }
}

internal sealed class SphereConfiguration : IEntityTypeConfiguration<Sphere>
{
    public void Configure(EntityTypeBuilder<Sphere> b)
    {
        CatalogMapping.MapItem(b);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class TopicConfiguration : IEntityTypeConfiguration<Topic>
{
    public void Configure(EntityTypeBuilder<Topic> b)
    {
        CatalogMapping.MapItem(b);
        b.HasIndex(x => new { x.SphereId, x.Code }).IsUnique();
        b.HasOne(x => x.Sphere).WithMany(x => x.Topics).HasForeignKey(x => x.SphereId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StarostaDistrictConfiguration : IEntityTypeConfiguration<StarostaDistrict>
{
    public void Configure(EntityTypeBuilder<StarostaDistrict> b)
    {
        CatalogMapping.MapItem(b);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class SettlementConfiguration : IEntityTypeConfiguration<Settlement>
{
    public void Configure(EntityTypeBuilder<Settlement> b)
    {
        CatalogMapping.MapItem(b);
        b.Property(x => x.Kind).HasMaxLength(20);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasOne(x => x.District).WithMany(x => x.Settlements).HasForeignKey(x => x.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuthorCategoryConfiguration : IEntityTypeConfiguration<AuthorCategory>
{
    public void Configure(EntityTypeBuilder<AuthorCategory> b)
    {
        CatalogMapping.MapItem(b);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class SocialGroupConfiguration : IEntityTypeConfiguration<SocialGroup>
{
    public void Configure(EntityTypeBuilder<SocialGroup> b)
    {
        CatalogMapping.MapItem(b);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class BusinessKindConfiguration : IEntityTypeConfiguration<BusinessKind>
{
    public void Configure(EntityTypeBuilder<BusinessKind> b)
    {
        CatalogMapping.MapItem(b);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class ReviewBodyConfiguration : IEntityTypeConfiguration<ReviewBody>
{
    public void Configure(EntityTypeBuilder<ReviewBody> b)
    {
        CatalogMapping.MapItem(b);
        b.Property(x => x.SphereCodes).HasMaxLength(400);
        b.Property(x => x.TelegramChat).HasMaxLength(100);
        b.Property(x => x.Emails).HasMaxLength(1000);
        b.HasIndex(x => x.Code).IsUnique();
    }
}
