using System.Text.RegularExpressions;

namespace Hromada.Core.Announcements;

/// <summary>The placeholders an automatic notice's text may use, filled in when it is sent.</summary>
public static partial class NoticeTemplate
{
    public static IReadOnlyList<string> Placeholders { get; } =
        ["title", "hromada", "opens", "deadline", "previousDeadline", "reason", "received", "decided", "results"];

    /// <summary>Placeholders in <paramref name="text"/> that are not known, as written.</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value)
            .Where(name => !Placeholders.Contains(name, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Replaces each known placeholder with its value ("—" when it has none); an unknown one is left as written.</summary>
    public static string Render(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v
            : Placeholders.Contains(m.Groups[1].Value, StringComparer.OrdinalIgnoreCase) ? "—" : m.Value);

    internal static string KnownList => string.Join(", ", Placeholders.Select(p => "{" + p + "}"));

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
