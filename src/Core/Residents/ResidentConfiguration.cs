using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Residents;

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.Property(x => x.ChannelUserId).HasMaxLength(100);
        b.HasIndex(x => new { x.Channel, x.ChannelUserId }).IsUnique();
        b.Property(x => x.Language).HasMaxLength(20);
        b.Property(x => x.ConsentVersion).HasMaxLength(50);
        b.Property(x => x.ConversationStep).HasMaxLength(50);
        b.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class ProcessedMessageConfiguration : IEntityTypeConfiguration<ProcessedMessage>
{
    public void Configure(EntityTypeBuilder<ProcessedMessage> b)
    {
        b.Property(x => x.MessageId).HasMaxLength(200);
        b.HasIndex(x => new { x.Channel, x.MessageId }).IsUnique();
        b.HasIndex(x => x.ProcessedAt);
    }
}
