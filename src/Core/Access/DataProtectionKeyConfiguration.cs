using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Access;

/// <summary>
/// The keys that protect the web page's sign-in cookies and form tokens, in the table
/// <c>Microsoft.AspNetCore.DataProtection.EntityFrameworkCore</c> expects (its <see cref="DataProtectionKey"/>), so that
/// a restart, a move to another folder or a restore from a backup does not sign everyone out. Both columns stay
/// required, as they were before the package's entity took the table over (it always writes them).
/// </summary>
internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(x => x.FriendlyName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Xml).IsRequired();
    }
}
