using System.Globalization;
using Hromada.Core.Catalogs;

namespace Hromada.Core.Conversation;

/// <summary>
/// Finds settlements by a typed name: case does not matter, nor the apostrophe form (' ’ ` ʼ), nor a kind prefix
/// ("с.", "м.", "смт", "с-ще"), nor extra spaces.
/// </summary>
public static class SettlementMatcher
{
    private static readonly CultureInfo Ukrainian = CultureInfo.GetCultureInfo("uk-UA");
    private static readonly string[] Prefixes = ["с-ще", "смт.", "смт", "селище", "село", "місто", "с.", "м.", "с ", "м "];

    public static List<Settlement> Match(IEnumerable<Settlement> settlements, string typed)
    {
        var wanted = Normalise(typed);
        if (wanted.Length == 0)
        {
            return [];
        }
        var all = settlements.ToList();
        var exact = all.Where(s => Normalise(s.Label) == wanted).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }
        // A typed beginning of a name ("Камʼян") still finds it, when it is long enough to mean something.
        return wanted.Length >= 4 ? all.Where(s => Normalise(s.Label).StartsWith(wanted, StringComparison.Ordinal)).ToList() : [];
    }

    public static string Normalise(string value)
    {
        var s = value.Trim().ToLower(Ukrainian).Replace('\'', 'ʼ').Replace('’', 'ʼ').Replace('`', 'ʼ').Replace('‘', 'ʼ');
        foreach (var prefix in Prefixes)
        {
            if (s.StartsWith(prefix, StringComparison.Ordinal) && s.Length > prefix.Length)
            {
                s = s[prefix.Length..];
                break;
            }
        }
        return string.Join(' ', s.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim('.', ',', ' ');
    }
}
