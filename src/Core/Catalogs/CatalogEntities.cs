namespace Hromada.Core.Catalogs;

/// <summary>Common shape of every catalog row: a stable code, a label, its order and whether it was retired.</summary>
public abstract class CatalogItem
{
    public int Id { get; set; }
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";

    /// <summary>What a button shows where the full label would be cut (Messenger shows 20 characters); null when the label fits.</summary>
    public string? ShortLabel { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Removed from configuration: no longer offered, still referenced by old proposals.</summary>
    public bool IsRetired { get; set; }
}

/// <summary>Сфера (напрям) of the programme.</summary>
public sealed class Sphere : CatalogItem
{
    public List<Topic> Topics { get; set; } = [];
}

/// <summary>An optional topic inside a sphere.</summary>
public sealed class Topic : CatalogItem
{
    public int SphereId { get; set; }
    public Sphere? Sphere { get; set; }
}

/// <summary>Старостинський округ.</summary>
public sealed class StarostaDistrict : CatalogItem
{
    public List<Settlement> Settlements { get; set; } = [];
}

/// <summary>Населений пункт.</summary>
public sealed class Settlement : CatalogItem
{
    public string Kind { get; set; } = "с.";
    public int DistrictId { get; set; }
    public StarostaDistrict? District { get; set; }

    public string DisplayName => $"{Kind} {Label}";
}

/// <summary>What the questionnaire asks after the author category.</summary>
public enum AuthorDetail
{
    None,
    SocialGroups,
    BusinessKind,
}

/// <summary>Категорія автора.</summary>
public sealed class AuthorCategory : CatalogItem
{
    public AuthorDetail Asks { get; set; }
}

/// <summary>Соціальна група.</summary>
public sealed class SocialGroup : CatalogItem
{
    /// <summary>Chosen alone ("Жодна з цих груп"): one tap answers the question and clears the others.</summary>
    public bool IsExclusive { get; set; }
}

/// <summary>Вид господарської діяльності.</summary>
public sealed class BusinessKind : CatalogItem;

/// <summary>Секторальна підгрупа або виконавчий орган that reviews routed proposals.</summary>
public sealed class ReviewBody : CatalogItem
{
    /// <summary>Comma-separated sphere codes this body usually reviews.</summary>
    public string SphereCodes { get; set; } = "";

    /// <summary>The codes of <see cref="SphereCodes"/>, for routing by sphere.</summary>
    public IReadOnlyList<string> Spheres => SphereCodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether this body usually reviews proposals of the sphere <paramref name="sphereCode"/>.</summary>
    public bool Reviews(string sphereCode) => Spheres.Contains(sphereCode, StringComparer.OrdinalIgnoreCase);

    /// <summary>The Telegram chat (a numeric id, or @name of a channel) the body is told and reminded in.</summary>
    public string? TelegramChat { get; set; }

    /// <summary>Comma-separated e-mail addresses the body is told and reminded at.</summary>
    public string Emails { get; set; } = "";

    /// <summary>The contacts were set on the web page; configuration no longer overwrites them.</summary>
    public bool ContactsSetOnPage { get; set; }

    public IReadOnlyList<string> EmailList => Emails.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
