using Hromada.Core.Proposals;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hromada.Core.Participation;

/// <summary>
/// One chat resident wrote to the bot on one local day. Rolled up from the inbox (which keeps handled messages only for
/// <c>Hromada:Pipeline:RecordRetention</c>), so "residents who wrote" can be counted for any past month. Holds the
/// resident's internal id, the channel and the day: no text, no chat id.
/// </summary>
public sealed class ParticipationActivity
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
    public int ResidentId { get; set; }
    public Channel Channel { get; set; }
}

internal sealed class ParticipationActivityConfiguration : IEntityTypeConfiguration<ParticipationActivity>
{
    public void Configure(EntityTypeBuilder<ParticipationActivity> b)
    {
        b.HasIndex(x => new { x.Day, x.ResidentId }).IsUnique();
    }
}
