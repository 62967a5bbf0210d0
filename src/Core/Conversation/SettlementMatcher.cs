using Hromada.Core.Catalogs;
using Hromada.Core.Text;

namespace Hromada.Core.Conversation;

/// <summary>
/// Finds settlements by a typed name: case does not matter, nor the apostrophe form (' ’ ` ʼ) or its absence, nor a kind prefix
/// ("с.", "м.", "смт", "с-ще"), nor extra spaces.
/// </summary>
public static class SettlementMatcher
{
    private static readonly string[] Prefixes = ["селище", "село", "місто", "с-ще", "смт.", "смт", "с.", "м.", "с", "м"];

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

    /// <summary>
    /// The key a settlement name is compared by: <see cref="TextFolding.Key"/> (case, apostrophe forms and their absence,
    /// dashes, spaces) without a kind prefix. A prefix ending in a dot may touch the name («с.Камʼянка»); the others
    /// need a space after them, so a name that merely begins with «с» or «село» keeps it.
    /// </summary>
    public static string Normalise(string value)
    {
        var s = TextFolding.Key(value);
        foreach (var prefix in Prefixes)
        {
            if (s.Length > prefix.Length && s.StartsWith(prefix, StringComparison.Ordinal)
                && (prefix.EndsWith('.') || s[prefix.Length] == ' '))
            {
                s = s[prefix.Length..];
                break;
            }
        }
        return s.Trim('.', ',', ' ');
    }
}
