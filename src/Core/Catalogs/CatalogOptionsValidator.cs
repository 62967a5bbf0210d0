using Microsoft.Extensions.Options;

namespace Hromada.Core.Catalogs;

/// <summary>Rejects a catalog that would make the questionnaire or the reports wrong, naming the offending entry.</summary>
internal sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    private const string S = CatalogOptions.Section;

    public ValidateOptionsResult Validate(string? name, CatalogOptions options)
    {
        var failures = new List<string>();

        Require(failures, options.Spheres, "Spheres");
        Require(failures, options.Districts, "Districts");
        Require(failures, options.Settlements, "Settlements");
        Require(failures, options.AuthorCategories, "AuthorCategories");

        CheckEntries(failures, "Spheres", options.Spheres);
        for (var i = 0; i < options.Spheres.Count; i++)
        {
            CheckEntries(failures, $"Spheres:{i}:Topics", options.Spheres[i].Topics);
        }

        CheckEntries(failures, "Districts", options.Districts);
        CheckEntries(failures, "Settlements", options.Settlements);
        CheckEntries(failures, "AuthorCategories", options.AuthorCategories);
        CheckEntries(failures, "SocialGroups", options.SocialGroups);
        CheckEntries(failures, "BusinessKinds", options.BusinessKinds);
        CheckEntries(failures, "ReviewBodies", options.ReviewBodies);

        foreach (var b in CatalogButtonLabels.All(options).Where(b => b.Entry.ShortLabel is { } sl && sl.Trim().Length > b.Limit))
        {
            failures.Add($"{b.Path} ('{b.Entry.Code}'): ShortLabel '{b.Entry.ShortLabel}' is longer than {b.Limit} characters.");
        }

        var districts = options.Districts.Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Settlements.Count; i++)
        {
            var s = options.Settlements[i];
            if (!districts.Contains(s.District))
            {
                failures.Add($"{S}:Settlements:{i} ('{s.Code}'): district '{s.District}' is not in {S}:Districts.");
            }
            if (string.IsNullOrWhiteSpace(s.Kind))
            {
                failures.Add($"{S}:Settlements:{i} ('{s.Code}'): Kind is empty.");
            }
        }

        var spheres = options.Spheres.Select(d => d.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.ReviewBodies.Count; i++)
        {
            foreach (var code in options.ReviewBodies[i].Spheres.Where(c => !spheres.Contains(c)))
            {
                failures.Add($"{S}:ReviewBodies:{i} ('{options.ReviewBodies[i].Code}'): sphere '{code}' is not in {S}:Spheres.");
            }
            if (Contacts.TelegramChatError(options.ReviewBodies[i].TelegramChat) is { } chat)
            {
                failures.Add($"{S}:ReviewBodies:{i} ('{options.ReviewBodies[i].Code}'): TelegramChat {chat}");
            }
            foreach (var email in options.ReviewBodies[i].Emails.Where(e => !Contacts.IsEmail(e)))
            {
                failures.Add($"{S}:ReviewBodies:{i} ('{options.ReviewBodies[i].Code}'): Emails: '{email}' is not an e-mail address.");
            }
        }

        if (options.AuthorCategories.Any(c => c.Asks == AuthorDetail.SocialGroups) && options.SocialGroups.Count == 0)
        {
            failures.Add($"{S}:SocialGroups: an author category asks for social groups, but none are configured.");
        }
        if (options.AuthorCategories.Any(c => c.Asks == AuthorDetail.BusinessKind) && options.BusinessKinds.Count == 0)
        {
            failures.Add($"{S}:BusinessKinds: an author category asks for a business kind, but none are configured.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require<T>(List<string> failures, List<T> list, string path)
    {
        if (list.Count == 0)
        {
            failures.Add($"{S}:{path}: at least one entry is required.");
        }
    }

    private static void CheckEntries<T>(List<string> failures, string path, List<T> entries) where T : CatalogEntryOption
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (string.IsNullOrWhiteSpace(e.Code))
            {
                failures.Add($"{S}:{path}:{i}: Code is empty.");
            }
            else if (e.Code.Length > 40 || e.Code.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                failures.Add($"{S}:{path}:{i} ('{e.Code}'): Code must be up to 40 latin letters, digits, '-', '_' or '.'.");
            }
            else if (seen.TryGetValue(e.Code, out var first))
            {
                failures.Add($"{S}:{path}:{i}: duplicate code '{e.Code}' (also at {S}:{path}:{first}).");
            }
            else
            {
                seen[e.Code] = i;
            }

            if (string.IsNullOrWhiteSpace(e.Label))
            {
                failures.Add($"{S}:{path}:{i} ('{e.Code}'): Label is empty.");
            }
        }
    }
}
