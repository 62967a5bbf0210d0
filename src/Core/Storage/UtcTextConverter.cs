using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hromada.Core.Storage;

/// <summary>Stores an instant as fixed-width ISO-8601 UTC text, whose ordinal order is the time order.</summary>
internal sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    v => Format(v),
    v => DateTimeOffset.ParseExact(v, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal))
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The stored form, for raw SQL that writes or compares instants.</summary>
    public static string Format(DateTimeOffset instant) => instant.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);
}
