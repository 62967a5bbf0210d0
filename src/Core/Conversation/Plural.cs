namespace Hromada.Core.Conversation;

/// <summary>Chooses the plural form: Ukrainian has one (1, 21), few (2–4, 22–24) and many (5–20, 25–30, 0).</summary>
public static class Plural
{
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
