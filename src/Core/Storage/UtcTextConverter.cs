using System.Globalization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hromada.Core.Storage;

/// <summary>Stores an instant as fixed-width ISO-8601 UTC text, whose ordinal order is the time order.</summary>
internal sealed class UtcTextConverter() : ValueConverter<DateTimeOffset, string>(
    v => v.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture),
    v => DateTimeOffset.ParseExact(v, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal))
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
}
