namespace Hromada.Core.Catalogs;

/// <summary>The hromada's catalogs as configured in <c>Hromada:Catalog</c>; synced into the database by code at start-up.</summary>
internal sealed class CatalogOptions
{
    public const string Section = "Hromada:Catalog";

    public List<SphereOption> Spheres { get; set; } = [];
    public List<CatalogEntryOption> Districts { get; set; } = [];
    public List<SettlementOption> Settlements { get; set; } = [];
    public List<AuthorCategoryOption> AuthorCategories { get; set; } = [];
    public List<SocialGroupOption> SocialGroups { get; set; } = [];
    public List<CatalogEntryOption> BusinessKinds { get; set; } = [];
    public List<ReviewBodyOption> ReviewBodies { get; set; } = [];
}

/// <summary>A catalog entry: a stable code (never shown, never reused) and the label people read.</summary>
internal class CatalogEntryOption
{
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";

    /// <summary>
    /// What buttons show when <see cref="Label"/> is longer than a channel shows (Messenger: 20 characters);
    /// at most 20 characters.
    /// </summary>
    public string? ShortLabel { get; set; }
}

internal sealed class SocialGroupOption : CatalogEntryOption
{
    /// <summary>Chosen alone, such as "none of these groups": one tap answers the question.</summary>
    public bool Exclusive { get; set; }
}

internal sealed class SphereOption : CatalogEntryOption
{
    public List<CatalogEntryOption> Topics { get; set; } = [];
}

internal sealed class SettlementOption : CatalogEntryOption
{
    /// <summary>Code of the starosta district the settlement belongs to.</summary>
    public string District { get; set; } = "";

    /// <summary>Kind prefix as written before the name: "с.", "м.", "смт", "с-ще".</summary>
    public string Kind { get; set; } = "с.";
}

internal sealed class AuthorCategoryOption : CatalogEntryOption
{
    /// <summary>What the questionnaire asks next for this category.</summary>
    public AuthorDetail Asks { get; set; } = AuthorDetail.None;
}

internal sealed class ReviewBodyOption : CatalogEntryOption
{
    /// <summary>Codes of the spheres this body usually reviews (a hint for routing).</summary>
    public List<string> Spheres { get; set; } = [];

    /// <summary>A Telegram chat with the bot where the body is told and reminded: a numeric chat id (a group's is negative) or @channel.</summary>
    public string TelegramChat { get; set; } = "";

    /// <summary>E-mail addresses the body is told and reminded at.</summary>
    public List<string> Emails { get; set; } = [];
}
