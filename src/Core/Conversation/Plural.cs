using System.Globalization;
using Hromada.Core.Resources;

namespace Hromada.Core.Conversation;

/// <summary>The case a counted noun stands in: "у вас 1 пропозиція" (nominative), "ви подали 1 пропозицію" (accusative).</summary>
public enum GrammaticalCase
{
    Nominative,
    Accusative,

    /// <summary>"щодо 1 пропозиції", "щодо 5 пропозицій".</summary>
    Genitive,
}

/// <summary>
/// Numbers with nouns, the one place that knows Ukrainian plural forms: one (1, 21, 101), few (2–4, 22–24) and many
/// (0, 5–20, 25–30, 11–14). The forms of each noun in each case live in the resource files as
/// <c>Noun_{Noun}_{Case}</c> = "one|few|many" (English: "one|other").
/// </summary>
internal static class Plural
{
    /// <summary>"{n} {form}", e.g. <c>Count(21, "Proposal", Accusative, uk)</c> = "21 пропозицію".</summary>
    public static string Count(long n, string noun, GrammaticalCase grammaticalCase, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var forms = Texts.Get($"Noun_{noun}_{grammaticalCase}", culture);
        return string.Create(culture, $"{n} {Choose(n, forms, culture.Name)}");
    }

    /// <summary>The form of <paramref name="forms"/> ("one|few|many") that goes with <paramref name="n"/>.</summary>
    public static string Choose(long n, string forms, string language)
    {
        ArgumentNullException.ThrowIfNull(forms);
        var parts = forms.Split('|');
        if (parts.Length < 2)
        {
            return forms;
        }
        if (!language.StartsWith("uk", StringComparison.OrdinalIgnoreCase))
        {
            return n == 1 ? parts[0] : parts[^1];
        }
        var abs = Math.Abs(n);
        var mod10 = abs % 10;
        var mod100 = abs % 100;
        if (mod10 == 1 && mod100 != 11)
        {
            return parts[0];
        }
        if (mod10 is >= 2 and <= 4 && mod100 is < 12 or > 14)
        {
            return parts[Math.Min(1, parts.Length - 1)];
        }
        return parts[^1];
    }
}
