namespace Hromada.Core.Catalogs;

/// <summary>
/// What the catalog puts on buttons, checked against the narrowest channel: Messenger shows 20 characters of a
/// quick reply's title and cuts the rest, so "Сільське господарст…" and "Житлово-комунальне …" cannot be told apart.
/// </summary>
internal static class CatalogButtonLabels
{
    /// <summary>Characters a Messenger quick reply shows.</summary>
    public const int MaxLength = 20;

    /// <summary>A chosen social group's button carries "✓ " before its label.</summary>
    public const int CheckMarkLength = 2;

    /// <summary>One catalog entry as a button: its setting path, the text a button shows, and how long it may be.</summary>
    public sealed record Button(string Path, CatalogEntryOption Entry, string Text, int Limit);

    /// <summary>Every entry residents see on a button (review bodies never are).</summary>
    public static IEnumerable<Button> All(CatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string S = CatalogOptions.Section;
        foreach (var b in Entries($"{S}:Spheres", options.Spheres, MaxLength))
        {
            yield return b;
        }
        for (var i = 0; i < options.Spheres.Count; i++)
        {
            foreach (var b in Entries($"{S}:Spheres:{i}:Topics", options.Spheres[i].Topics, MaxLength))
            {
                yield return b;
            }
        }
        foreach (var b in Entries($"{S}:Districts", options.Districts, MaxLength))
        {
            yield return b;
        }
        for (var i = 0; i < options.Settlements.Count; i++)
        {
            var s = options.Settlements[i];
            yield return new Button($"{S}:Settlements:{i}", s, $"{s.Kind.Trim()} {s.Label.Trim()}", MaxLength);
        }
        foreach (var b in Entries($"{S}:AuthorCategories", options.AuthorCategories, MaxLength))
        {
            yield return b;
        }
        foreach (var b in Entries($"{S}:SocialGroups", options.SocialGroups, MaxLength - CheckMarkLength))
        {
            yield return b;
        }
        foreach (var b in Entries($"{S}:BusinessKinds", options.BusinessKinds, MaxLength))
        {
            yield return b;
        }
    }

    /// <summary>
    /// One warning per label a 20-character button would cut when no short label is set, naming the setting to add.
    /// </summary>
    public static IReadOnlyList<string> WouldBeCut(CatalogOptions options) =>
        All(options)
            .Where(b => string.IsNullOrWhiteSpace(b.Entry.ShortLabel) && b.Text.Length > b.Limit)
            .Select(b => $"{b.Path} ('{b.Entry.Code}'): '{b.Text}' is longer than {b.Limit} characters and Messenger would cut it on a button; set {b.Path}:ShortLabel.")
            .ToList();

    private static IEnumerable<Button> Entries<T>(string path, List<T> entries, int limit) where T : CatalogEntryOption =>
        entries.Select((e, i) => new Button($"{path}:{i}", e, e.Label.Trim(), limit));
}
