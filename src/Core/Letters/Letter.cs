using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Letters;

/// <summary>
/// A letter the working group sent to a group by e-mail: its subject, when and by whom, to how many addresses, and the
/// outbox messages that carry it — so its delivery can be reported. The addresses are not copied here: they stay in
/// those outbox messages only (and go with them when the outbox's retention deletes them).
/// </summary>
public sealed class Letter
{
    public int Id { get; set; }

    /// <summary>The key the audit entry carries (<c>letter-…</c>).</summary>
    public string Key { get; set; } = "";

    public string Subject { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
    public string SentBy { get; set; } = "";
    public int Recipients { get; set; }

    /// <summary>
    /// For a letter to a group the server finds (the authors of a category, the subscribers of a settlement): the
    /// announcement that sends it, whose delivery rows are the letter's; null for a letter to a pasted list of addresses,
    /// whose rows are <see cref="Messages"/>.
    /// </summary>
    public long? AnnouncementId { get; set; }

    /// <summary>Who the letter went to, as the letters page says it (the list pasted, or the group chosen); never the addresses.</summary>
    public string? Audience { get; set; }

    public List<LetterMessage> Messages { get; set; } = [];
}

/// <summary>One outbox message (one address) of a <see cref="Letter"/>; no foreign key, as the outbox deletes its rows on its own schedule.</summary>
public sealed class LetterMessage
{
    public long Id { get; set; }
    public int LetterId { get; set; }
    public long OutboxMessageId { get; set; }
}

internal sealed class LetterConfiguration : IEntityTypeConfiguration<Letter>
{
    public void Configure(EntityTypeBuilder<Letter> b)
    {
        b.HasIndex(x => x.Key).IsUnique();
        b.Property(x => x.Key).HasMaxLength(64);
        b.Property(x => x.Subject).HasMaxLength(200);
        b.Property(x => x.SentBy).HasMaxLength(200);
        b.Property(x => x.Audience).HasMaxLength(300);
        b.HasMany(x => x.Messages).WithOne().HasForeignKey(m => m.LetterId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => x.SentAt);
    }
}
