using Microsoft.Extensions.Options;

namespace Hromada.Core.Community;

/// <summary>Converts instants to the hromada's local time (Europe/Kyiv by default) for anything a person reads.</summary>
public sealed class CommunityClock(TimeProvider time, IOptions<CommunityOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(UtcNow).DateTime);

    /// <summary>The instant at which <paramref name="date"/> begins in the hromada's time zone.</summary>
    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, _zone.GetUtcOffset(local));
    }
}
