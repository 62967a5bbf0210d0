using Hromada.Core.Community;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Consultations;

/// <summary>
/// Creates the configured first consultation when the database has none, so the default run accepts proposals at once.
/// A deadline given as a number of days ends with the last of them in the hromada's time zone (23:59:59 local), not
/// at the clock time of the first start.
/// </summary>
internal sealed class ConsultationSeeder(
    HromadaDbContext db, IOptions<ConsultationOptions> options, TimeProvider time, CommunityClock clock, ILogger<ConsultationSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Consultations.AnyAsync(ct))
        {
            return;
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        var opens = o.OpensAt ?? now;
        var deadline = o.Deadline ?? EndOfDay(DateOnly.FromDateTime(clock.ToLocal(opens).DateTime).AddDays(o.DurationDays ?? 30));
        db.Consultations.Add(new Consultation
        {
            Title = o.Title.Trim(),
            OpensAt = opens,
            Deadline = deadline,
            CreatedAt = now,
        });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Created the first consultation '{Title}', open {OpensAt:u} to {Deadline:u}", o.Title, opens, deadline);
    }

    private DateTimeOffset EndOfDay(DateOnly day) => clock.StartOfDay(day.AddDays(1)).AddSeconds(-1);
}
