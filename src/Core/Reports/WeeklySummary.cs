using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Reports;

/// <summary>
/// One week's analytical summary as it was sent to the working group: the week, the day it went out, the text and the
/// figures beside the week before's. One row per week (<see cref="PeriodStart"/> is unique), written in the same
/// transaction as the outbox messages, so a week is sent once whatever restarts and however many instances run.
/// </summary>
public sealed class WeeklySummary
{
    public int Id { get; set; }

    /// <summary>The week's first day (local date; the nominal day a week before).</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>The week's last day (the day before the nominal day).</summary>
    public DateOnly PeriodEnd { get; set; }

    /// <summary>The working day it was due (the nominal day, or the next working day after a day off).</summary>
    public DateOnly DueOn { get; set; }

    /// <summary>When it was written and handed to the outbox.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>How many addresses (chats and e-mail addresses) it was sent to; 0 when none is configured.</summary>
    public int Recipients { get; set; }

    /// <summary>The message as sent.</summary>
    public string Text { get; set; } = "";

    public int Received { get; set; }
    public int PreviousReceived { get; set; }
    public int Decided { get; set; }
    public int PreviousDecided { get; set; }

    /// <summary>Proposals without a decision at the week's end.</summary>
    public int AwaitingDecision { get; set; }
    public int PreviousAwaitingDecision { get; set; }

    /// <summary>Proposals with a review route past its due date without a position at the week's end.</summary>
    public int Overdue { get; set; }
    public int PreviousOverdue { get; set; }
}

internal sealed class WeeklySummaryConfiguration : IEntityTypeConfiguration<WeeklySummary>
{
    public void Configure(EntityTypeBuilder<WeeklySummary> b)
    {
        b.HasIndex(x => x.PeriodStart).IsUnique();
        b.Property(x => x.Text).HasMaxLength(8000);
    }
}
