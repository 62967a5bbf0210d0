using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hromada.Core.Catalogs;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Intake;

/// <summary>
/// Imports the CSV that Google Forms exports. Each row's identity is a hash of its cells, so importing the same file
/// again adds nothing. A dry run stores nothing and lists what cannot be mapped to the catalogs.
/// </summary>
public sealed class GoogleFormsImporter(
    HromadaDbContext db, ProposalService proposals, CommunityClock clock, IOptions<GoogleFormsOptions> options)
{
    private static readonly string[] TimestampFormats =
    [
        "dd.MM.yyyy H:mm:ss", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy H:mm", "yyyy/MM/dd H:mm:ss", "yyyy-MM-dd H:mm:ss",
        "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm:ss tt",
    ];

    public sealed record Problem(int Row, string Column, string Value, string Message, bool Skipped);

    public sealed record ImportReport(bool DryRun, int Rows, int Imported, int AlreadyImported, int Skipped, IReadOnlyList<string> References, IReadOnlyList<Problem> Problems);

    public async Task<ImportReport> ImportAsync(string csv, bool dryRun, int consultationId, string actor, CancellationToken ct)
    {
        var c = options.Value.Columns;
        var rows = CsvReader.Parse(csv);
        if (rows.Count == 0)
        {
            throw new FormatException("The file is empty.");
        }
        var header = rows[0].Select(h => h.Trim()).ToList();
        var missing = new[] { c.Timestamp, c.Text, c.Sphere, c.AuthorCategory }.Where(h => !header.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException($"The file has no column {string.Join(", ", missing.Select(m => $"«{m}»"))} (see Hromada:Admin:GoogleForms:Columns).");
        }

        var spheres = await db.Spheres.Include(s => s.Topics).Where(s => !s.IsRetired).ToListAsync(ct);
        var settlements = await db.Settlements.Where(s => !s.IsRetired).ToListAsync(ct);
        var categories = await db.AuthorCategories.Where(x => !x.IsRetired).ToListAsync(ct);
        var groups = await db.SocialGroups.Where(x => !x.IsRetired).ToListAsync(ct);

        var problems = new List<Problem>();
        var references = new List<string>();
        int imported = 0, already = 0, skipped = 0;
        for (var r = 1; r < rows.Count; r++)
        {
            var rowNumber = r + 1;
            string Cell(string? column) => column is not null && header.IndexOf(column) is var i and >= 0 && i < rows[r].Length ? rows[r][i].Trim() : "";
            var key = "gf:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', rows[r]))))[..40];
            if (await db.Proposals.AnyAsync(p => p.ExternalKey == key, ct))
            {
                already++;
                continue;
            }

            var rowProblems = new List<Problem>();
            void Fail(string column, string value, string message, bool skip) => rowProblems.Add(new Problem(rowNumber, column, value, message, skip));

            var received = ParseTimestamp(Cell(c.Timestamp));
            if (received is null) Fail(c.Timestamp, Cell(c.Timestamp), "Not a date and time this import understands.", true);
            var text = Cell(c.Text);
            if (text.Length == 0) Fail(c.Text, "", "The proposal is empty.", true);
            var sphere = Match(spheres, Cell(c.Sphere));
            if (sphere is null) Fail(c.Sphere, Cell(c.Sphere), "No such sphere in Hromada:Catalog:Spheres.", true);
            var category = Match(categories, Cell(c.AuthorCategory));
            if (category is null) Fail(c.AuthorCategory, Cell(c.AuthorCategory), "No such author category in Hromada:Catalog:AuthorCategories.", true);
            var topic = sphere is null || Cell(c.Topic).Length == 0 ? null : Match(sphere.Topics, Cell(c.Topic));
            if (sphere is not null && Cell(c.Topic).Length > 0 && topic is null) Fail(c.Topic!, Cell(c.Topic), "No such topic in that sphere; imported without a topic.", false);
            var settlementName = Cell(c.Settlement);
            var settlement = settlementName.Length == 0 ? null : Match(settlements, settlementName);
            if (settlementName.Length > 0 && settlement is null) Fail(c.Settlement!, settlementName, "Not in the catalog; imported as another settlement.", false);
            var groupIds = new List<int>();
            foreach (var g in Cell(c.SocialGroups).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Match(groups, g) is { } found) groupIds.Add(found.Id);
                else Fail(c.SocialGroups!, g, "No such social group; left out.", false);
            }

            problems.AddRange(rowProblems);
            if (rowProblems.Any(p => p.Skipped))
            {
                skipped++;
                continue;
            }
            if (dryRun)
            {
                imported++;
                continue;
            }
            var proposal = await proposals.SubmitAsync(new NewProposal
            {
                ConsultationId = consultationId,
                Channel = Channel.GoogleForm,
                ReceivedAt = received!.Value,
                AuthorCategoryId = category!.Id,
                SocialGroupIds = groupIds,
                SphereId = sphere!.Id,
                TopicId = topic?.Id,
                SettlementId = settlement?.Id,
                UnlistedSettlement = settlement is null && settlementName.Length > 0 ? settlementName : null,
                Text = text,
                AuthorName = Cell(c.Name),
                AuthorPhone = Cell(c.Phone),
                AuthorEmail = Cell(c.Email),
                ExternalKey = key,
                Actor = actor,
            }, ct);
            references.Add(proposal.Reference);
            imported++;
        }
        return new ImportReport(dryRun, rows.Count - 1, imported, already, skipped, references, problems);
    }

    private DateTimeOffset? ParseTimestamp(string value)
    {
        if (!DateTime.TryParseExact(value, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return null;
        }
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, clock.Zone.GetUtcOffset(unspecified));
    }

    private static T? Match<T>(IEnumerable<T> items, string value) where T : CatalogItem
    {
        var wanted = Normalise(value);
        return wanted.Length == 0 ? null : items.FirstOrDefault(i => Normalise(i.Label) == wanted || string.Equals(i.Code, value, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Case, the apostrophe forms (' ’ ` ʼ) and a settlement kind prefix do not matter.</summary>
    internal static string Normalise(string value)
    {
        var s = value.Trim().ToLower(CultureInfo.GetCultureInfo("uk-UA"))
            .Replace('\'', 'ʼ').Replace('’', 'ʼ').Replace('`', 'ʼ');
        foreach (var prefix in new[] { "с.", "м.", "смт.", "смт", "с-ще", "селище" })
        {
            if (s.StartsWith(prefix + " ", StringComparison.Ordinal) || (prefix.EndsWith('.') && s.StartsWith(prefix, StringComparison.Ordinal)))
            {
                s = s[prefix.Length..].TrimStart();
                break;
            }
        }
        return string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }
}
