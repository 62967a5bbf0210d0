using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hromada.Core.Catalogs;
using Hromada.Core.Community;
using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Intake;

/// <summary>
/// Imports the CSV that Google Forms exports, read row by row up to <see cref="GoogleFormsOptions.MaxRows"/> and stored in
/// one transaction. Each row's identity is a hash of its cells, so importing the same file again adds nothing. Rows meet the chat's rules (<see cref="ProposalInputRules"/>); a row that does not is reported
/// and skipped. A dry run stores nothing and lists what would be skipped or changed. Known rows are looked up and new
/// ones stored in batches, not one query and transaction per row.
/// </summary>
public sealed class GoogleFormsImporter(
    HromadaDbContext db, ProposalService proposals, ProposalInputRules rules, CommunityClock clock, IOptions<GoogleFormsOptions> options,
    Core.Receipts.ReceiptLinks links)
{
    private static readonly string[] TimestampFormats =
    [
        "dd.MM.yyyy H:mm:ss", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy H:mm", "yyyy/MM/dd H:mm:ss", "yyyy-MM-dd H:mm:ss",
        "M/d/yyyy H:mm:ss", "M/d/yyyy h:mm:ss tt",
    ];

    private const int KeyLookupBatch = 1000;
    private const int MaxValueInReport = 200;

    /// <summary>The largest CSV file the import takes, through the API or the page (the host's body limit is raised to it there).</summary>
    public const int MaxFileBytes = 20 * 1024 * 1024;

    /// <summary>The report lists this many problems, the first ones; the rest are counted in <see cref="ImportReport.ProblemsNotListed"/>.</summary>
    public const int MaxProblemsListed = 100;

    /// <summary>A cell the import could not take as it was: <see cref="Message"/> for the API, <see cref="Ukrainian"/> for the page.</summary>
    public sealed record Problem(int Row, string Column, string Value, string Message, bool Skipped, string Ukrainian);

    public sealed record ImportReport(bool DryRun, int Rows, int Imported, int AlreadyImported, int Skipped, IReadOnlyList<string> References, IReadOnlyList<Problem> Problems)
    {
        /// <summary>Each imported proposal's receipt link, for the secretary to send to its author.</summary>
        public IReadOnlyList<ImportedReceipt> Receipts { get; init; } = [];

        /// <summary>Problems found beyond the first 100 listed in <c>problems</c>.</summary>
        public int ProblemsNotListed { get; init; }
    }

    /// <summary>An imported proposal and the receipt link its author keeps.</summary>
    public sealed record ImportedReceipt(string Reference, string ReceiptUrl);

    private sealed record Catalogs(List<Sphere> Spheres, List<Settlement> Settlements, List<AuthorCategory> Categories, List<SocialGroup> Groups);

    /// <summary>Imports a CSV held in memory (the web page keeps the checked file until the import).</summary>
    public Task<ImportReport> ImportAsync(string csv, bool dryRun, int consultationId, string actor, CancellationToken ct) =>
        ImportAsync(new StringReader(csv), dryRun, consultationId, actor, ct);

    /// <summary>
    /// Imports the CSV read row by row from <paramref name="csv"/>: a file with more than
    /// <see cref="GoogleFormsOptions.MaxRows"/> rows is refused at the first row past the limit, before the rest is read.
    /// The rows are stored all in one transaction: an import stopped half-way (a crash, a full disk) stores none of them.
    /// </summary>
    public async Task<ImportReport> ImportAsync(TextReader csv, bool dryRun, int consultationId, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var c = options.Value.Columns;
        var maxRows = options.Value.MaxRows;
        var rows = new List<string[]>();
        await foreach (var row in CsvReader.ReadAsync(csv, ct))
        {
            if (rows.Count > maxRows)
            {
                throw new ImportTooLargeException(
                    $"The file has more than {maxRows} rows (Hromada:Admin:GoogleForms:MaxRows); split it into smaller files.",
                    $"У файлі понад {maxRows} рядків. Розділіть його на менші файли.");
            }
            rows.Add(row);
        }
        if (rows.Count == 0)
        {
            throw new ImportFileException("The file is empty.", "Файл порожній.");
        }
        var header = rows[0].Select(h => h.Trim()).ToList();
        var missing = new[] { c.Timestamp, c.Text, c.Sphere, c.AuthorCategory }.Where(h => !header.Contains(h)).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(m => $"«{m}»"));
            throw new ImportFileException($"The file has no column {names} (see Hromada:Admin:GoogleForms:Columns).",
                $"У файлі немає стовпця {names}. Завантажте CSV, який експортує Google-форма, або попросіть адміністратора налаштувати назви стовпців.");
        }

        var catalogs = new Catalogs(
            await db.Spheres.AsNoTracking().Include(s => s.Topics).Where(s => !s.IsRetired).ToListAsync(ct),
            await db.Settlements.AsNoTracking().Where(s => !s.IsRetired).ToListAsync(ct),
            await db.AuthorCategories.AsNoTracking().Where(x => !x.IsRetired).ToListAsync(ct),
            await db.SocialGroups.AsNoTracking().Where(x => !x.IsRetired).ToListAsync(ct));
        var keys = rows.Skip(1).Select(KeyOf).ToList();
        var known = await KnownKeysAsync(keys, ct);

        var problems = new List<Problem>();
        var problemCount = 0;
        var accepted = new List<NewProposal>();
        int already = 0, skipped = 0;
        for (var r = 1; r < rows.Count; r++)
        {
            var key = keys[r - 1];
            if (known.Contains(key))
            {
                already++;
                continue;
            }
            var (proposal, rowProblems) = ReadRow(header, rows[r], r + 1, catalogs, consultationId, key, actor);
            problemCount += rowProblems.Count;
            problems.AddRange(rowProblems.Take(MaxProblemsListed - problems.Count));
            if (proposal is null)
            {
                skipped++;
                continue;
            }
            known.Add(key);
            accepted.Add(proposal);
        }

        var references = dryRun || accepted.Count == 0 ? [] : await SubmitAllOrNoneAsync(accepted, ct);
        var receipts = new List<ImportedReceipt>(references.Count);
        foreach (var chunk in references.Chunk(500))
        {
            var codes = await db.Proposals.AsNoTracking().Where(p => chunk.Contains(p.Reference))
                .ToDictionaryAsync(p => p.Reference, p => p.ReceiptCode, ct);
            receipts.AddRange(chunk.Select(r => new ImportedReceipt(r, links.For(r, codes.GetValueOrDefault(r, "")))));
        }
        return new ImportReport(dryRun, rows.Count - 1, accepted.Count, already, skipped, references, problems)
        {
            Receipts = receipts,
            ProblemsNotListed = problemCount - problems.Count,
        };
    }

    /// <summary>Every accepted row in one transaction (the service's batches inside it): all of them or, after a failure, none.</summary>
    private async Task<IReadOnlyList<string>> SubmitAllOrNoneAsync(List<NewProposal> accepted, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var references = await proposals.SubmitManyAsync(accepted, ct);
            await tx.CommitAsync(ct);
            return references;
        });
    }

    /// <summary>One row as a proposal, or null when it is skipped; with what was wrong or changed.</summary>
    private (NewProposal? Proposal, List<Problem> Problems) ReadRow(
        List<string> header, string[] cells, int rowNumber, Catalogs catalogs, int consultationId, string key, string actor)
    {
        var c = options.Value.Columns;
        string Cell(string? column) =>
            column is not null && header.IndexOf(column) is var i and >= 0 && i < cells.Length ? TextSanitiser.Clean(cells[i])!.Trim() : "";
        var problems = new List<Problem>();
        void Fail(string? column, string value, string message, bool skip, string ukrainian) =>
            problems.Add(new Problem(rowNumber, column ?? "", value.Length > MaxValueInReport ? value[..MaxValueInReport] + "…" : value, message, skip, ukrainian));

        var received = ParseTimestamp(Cell(c.Timestamp));
        if (received is null) Fail(c.Timestamp, Cell(c.Timestamp), "Not a date and time this import understands.", true, "Дата і час у незнайомому форматі.");
        var sphere = Match(catalogs.Spheres, Cell(c.Sphere));
        if (sphere is null) Fail(c.Sphere, Cell(c.Sphere), "No such sphere in Hromada:Catalog:Spheres.", true, "Такої сфери немає в каталозі.");
        var category = Match(catalogs.Categories, Cell(c.AuthorCategory));
        if (category is null) Fail(c.AuthorCategory, Cell(c.AuthorCategory), "No such author category in Hromada:Catalog:AuthorCategories.", true, "Такої категорії автора немає в каталозі.");
        var topic = sphere is null || Cell(c.Topic).Length == 0 ? null : Match(sphere.Topics, Cell(c.Topic));
        if (sphere is not null && Cell(c.Topic).Length > 0 && topic is null) Fail(c.Topic, Cell(c.Topic), "No such topic in that sphere; imported without a topic.", false, "Такої теми в цій сфері немає; імпортовано без теми.");
        var settlementName = Cell(c.Settlement);
        var settlement = settlementName.Length == 0 ? null : Match(catalogs.Settlements, settlementName);
        if (settlementName.Length > 0 && settlement is null) Fail(c.Settlement, settlementName, "Not in the catalog; imported as another settlement.", false, "Немає в каталозі; імпортовано як інший населений пункт.");
        var groupIds = new List<int>();
        foreach (var g in Cell(c.SocialGroups).Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Match(catalogs.Groups, g) is { } found) groupIds.Add(found.Id);
            else Fail(c.SocialGroups, g, "No such social group; left out.", false, "Такої соціальної групи немає; її пропущено.");
        }

        // The chat's rules: what a resident could not send through the chat is not imported either.
        var input = rules.Check(new ProposalInput(Cell(c.Text), Cell(c.Name), Cell(c.Phone), Cell(c.Email), settlement is null ? settlementName : null));
        foreach (var problem in input.Problems.All)
        {
            var column = problem.Field switch
            {
                ProposalInput.Fields.Text => c.Text,
                ProposalInput.Fields.AuthorName => c.Name,
                ProposalInput.Fields.AuthorPhone => c.Phone,
                ProposalInput.Fields.AuthorEmail => c.Email,
                _ => c.Settlement,
            };
            Fail(column, Cell(column), problem.English, true, problem.Ukrainian);
        }

        if (problems.Any(p => p.Skipped))
        {
            return (null, problems);
        }
        var value = input.Value;
        return (new NewProposal
        {
            ConsultationId = consultationId,
            Channel = Channel.GoogleForm,
            ReceivedAt = received!.Value,
            AuthorCategoryId = category!.Id,
            SocialGroupIds = groupIds.Distinct().ToList(),
            SphereId = sphere!.Id,
            TopicId = topic?.Id,
            SettlementId = settlement?.Id,
            UnlistedSettlement = value.UnlistedSettlement,
            Text = value.Text!,
            AuthorName = value.AuthorName,
            AuthorPhone = value.AuthorPhone,
            AuthorEmail = value.AuthorEmail,
            ExternalKey = key,
            Actor = actor,
        }, problems);
    }

    private static string KeyOf(string[] cells) =>
        "gf:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', cells))))[..40];

    private async Task<HashSet<string>> KnownKeysAsync(List<string> keys, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in keys.Distinct(StringComparer.Ordinal).Chunk(KeyLookupBatch))
        {
            known.UnionWith(await db.Proposals.AsNoTracking().Where(p => batch.Contains(p.ExternalKey!)).Select(p => p.ExternalKey!).ToListAsync(ct));
        }
        return known;
    }

    private DateTimeOffset? ParseTimestamp(string value)
    {
        if (!DateTime.TryParseExact(value, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
        {
            return null;
        }
        return clock.FromLocal(local);
    }

    private static T? Match<T>(IEnumerable<T> items, string value) where T : CatalogItem
    {
        // Compared as the chat compares names: case, apostrophe forms and their absence, a settlement kind prefix.
        var wanted = SettlementMatcher.Normalise(value);
        return wanted.Length == 0 ? null : items.FirstOrDefault(i => SettlementMatcher.Normalise(i.Label) == wanted || string.Equals(i.Code, value, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>A file the import cannot read at all (empty, or without a needed column), said in English and Ukrainian.</summary>
public class ImportFileException(string message, string ukrainian) : FormatException(message)
{
    public string Ukrainian { get; } = ukrainian;
}

/// <summary>A file with more rows than <see cref="GoogleFormsOptions.MaxRows"/>: refused before the rest of it is read.</summary>
public sealed class ImportTooLargeException(string message, string ukrainian) : ImportFileException(message, ukrainian);
