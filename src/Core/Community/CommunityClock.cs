using System.Globalization;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Community;

/// <summary>
/// The hromada's local time (Europe/Kyiv by default): the one place that converts between instants and the time on the
/// hromada's clocks (daylight saving handled here only) and writes dates and times the way people read them.
/// </summary>
public sealed class CommunityClock(TimeProvider time, IOptions<CommunityOptions> options)
{
    /// <summary>How pages, documents, notices and the chat write a date: 04.12.2026.</summary>
    public const string DateFormat = "dd.MM.yyyy";

    /// <summary>How pages, documents and notices write a local date and time: 04.12.2026 14:05.</summary>
    public const string DateTimeFormat = "dd.MM.yyyy HH:mm";

    /// <summary>How exports (CSV, spreadsheets) write a local date and time, so that a column sorts as text: 2026-12-04 14:05.</summary>
    public const string SortableDateTimeFormat = "yyyy-MM-dd HH:mm";

    /// <summary>How exports write a date: sortable, as their moments (<see cref="SortableDateTimeFormat"/>).</summary>
    public const string SortableDateFormat = "yyyy-MM-dd";

    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateTimeOffset UtcNow => time.GetUtcNow();

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);

    /// <summary>The hromada's local date at <paramref name="instant"/>.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(ToLocal(instant).DateTime);

    public DateOnly Today => LocalDate(UtcNow);

    /// <summary>
    /// The instant the hromada's clocks show <paramref name="local"/> (its kind is ignored). A time the clocks skip
    /// (spring forward) is moved forward by the skipped hour; a time they show twice (fall back) is the first of the two.
    /// </summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (_zone.IsInvalidTime(local))
        {
            var before = _zone.GetUtcOffset(local.AddHours(-3));
            var after = _zone.GetUtcOffset(local.AddHours(3));
            local = local.Add(after - before);
        }
        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <inheritdoc cref="FromLocal(DateTime)"/>
    public DateTimeOffset? FromLocal(DateTime? local) => local is { } l ? FromLocal(l) : null;

    /// <summary>The instant the hromada's clocks show <paramref name="at"/> on <paramref name="date"/>.</summary>
    public DateTimeOffset FromLocal(DateOnly date, TimeOnly at) => FromLocal(date.ToDateTime(at, DateTimeKind.Unspecified));

    /// <summary>The instant at which <paramref name="date"/> begins in the hromada's time zone.</summary>
    public DateTimeOffset StartOfDay(DateOnly date) => FromLocal(date, TimeOnly.MinValue);

    /// <summary><paramref name="instant"/> in local time as pages, documents and notices write it (<see cref="DateTimeFormat"/>).</summary>
    public string Text(DateTimeOffset instant) => ToLocal(instant).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary><paramref name="instant"/> in local time as exports write it (<see cref="SortableDateTimeFormat"/>).</summary>
    public string SortableText(DateTimeOffset instant) => ToLocal(instant).ToString(SortableDateTimeFormat, CultureInfo.InvariantCulture);

    /// <summary>A date as pages, documents, notices and the chat write it (<see cref="DateFormat"/>).</summary>
    public static string DateText(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>A date as exports write it in a column of its own (<see cref="SortableDateFormat"/>).</summary>
    public static string SortableDateText(DateOnly date) => date.ToString(SortableDateFormat, CultureInfo.InvariantCulture);

    /// <summary>The date of an instant already in local time (see <see cref="ToLocal"/>), as <see cref="DateText(DateOnly)"/> writes it.</summary>
    public static string DateText(DateTimeOffset local) => local.ToString(DateFormat, CultureInfo.InvariantCulture);
}
