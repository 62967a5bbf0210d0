using System.Globalization;
using System.Resources;

namespace Hromada.Core.Resources;

/// <summary>
/// Every text a resident reads, from <c>Texts.resx</c> (Ukrainian, the default) and one <c>Texts.{lang}.resx</c> per
/// other language. Missing translations fall back to Ukrainian.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Manager = new("Hromada.Core.Resources.Texts", typeof(Texts).Assembly);

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>; throws when the key does not exist.</summary>
    public static string Get(string key, CultureInfo culture) =>
        Manager.GetString(key, culture) ?? throw new KeyNotFoundException($"No resident text '{key}' in Texts.resx.");

    /// <summary>The text for <paramref name="key"/> formatted with <paramref name="args"/> in <paramref name="culture"/>.</summary>
    public static string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);
}
