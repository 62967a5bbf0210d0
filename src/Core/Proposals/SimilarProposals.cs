using System.Text.RegularExpressions;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Core.Proposals;

/// <summary>A proposal that reads like another: its reference, text and how many of the other's words it shares.</summary>
public sealed record SimilarProposal(string Reference, string Text, ProposalStatus Status, string? DuplicateOf, int SharedWords);

/// <summary>
/// Finds proposals of the same consultation that read like a given one, with the database's full-text search: SQLite's
/// FTS5 index (<c>ProposalSearch</c>, ranked by bm25), or PostgreSQL's own (see <see cref="WordStartsAsync"/>). Words
/// are matched by their start, so «дорогу» finds «дороги» and «ремонт» finds «ремонтувати»: Ukrainian changes word
/// endings, and a stemmer is more than this needs.
/// </summary>
public sealed partial class SimilarProposals(HromadaDbContext db)
{
    private const int MaxQueryWords = 24, Candidates = 20;

    // Common words that say nothing about what a proposal is about.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "який", "яка", "яке", "які", "якщо", "щоб", "також", "через", "після", "коли", "його", "буде", "будуть", "цього",
        "тому", "щодо", "дуже", "можна", "треба", "потрібно", "необхідно", "прошу", "пропоную", "пропозиція", "було", "були",
        "вона", "вони", "нашому", "наших", "нашої", "нашого", "наша", "наше", "наші", "громади", "громаді", "громада", "тобто",
        "адже", "проте", "однак", "більше", "менше", "інші", "інших", "інше", "своїх", "свої", "цей", "ця", "це", "ці",
    };

    /// <summary>Up to <paramref name="limit"/> proposals most like <paramref name="reference"/>, best first; none for an unknown one.</summary>
    public async Task<IReadOnlyList<SimilarProposal>> FindAsync(string reference, int limit = 5, CancellationToken ct = default)
    {
        var origin = await db.Proposals.AsNoTracking().Where(p => p.Reference == reference)
            .Select(p => new { p.Id, p.ConsultationId, p.SearchText }).SingleOrDefaultAsync(ct);
        if (origin is null)
        {
            return [];
        }
        var stems = Stems(origin.SearchText, MaxQueryWords);
        if (stems.Count == 0)
        {
            return [];
        }
        var rows = db.Database.IsSqlite()
            ? await FullTextAsync(stems, origin.Id, origin.ConsultationId, ct)
            : await WordStartsAsync(stems, origin.Id, origin.ConsultationId, ct);

        // bm25 ranks any shared word; a proposal is "similar" only when it shares more than one of the words that matter.
        var needed = stems.Count <= 2 ? 1 : 2;
        return rows
            .Select(r => (Row: r, Shared: Shared(stems, Stems(r.SearchText, int.MaxValue))))
            .Where(x => x.Shared >= needed)
            .Take(limit)
            .Select(x => new SimilarProposal(x.Row.Reference, x.Row.Text, Enum.Parse<ProposalStatus>(x.Row.Status), x.Row.DuplicateOfReference, x.Shared))
            .ToList();
    }

    private Task<List<Row>> FullTextAsync(List<string> stems, int id, int consultationId, CancellationToken ct)
    {
        var match = string.Join(" OR ", stems.Select(s => $"\"{s}\"*"));
        return db.Database.SqlQuery<Row>($"""
            SELECT p.Reference, p.Text, p.Status, p.DuplicateOfReference, p.SearchText
            FROM ProposalSearch JOIN Proposals p ON p.Id = ProposalSearch.rowid
            WHERE ProposalSearch MATCH {match} AND p.Id <> {id} AND p.ConsultationId = {consultationId}
            ORDER BY bm25(ProposalSearch) LIMIT {Candidates}
            """).ToListAsync(ct);
    }

    /// <summary>
    /// PostgreSQL's own full-text search, as SQLite's FTS5 does it here: the <c>simple</c> configuration (words as
    /// written, lower case; PostgreSQL has no Ukrainian stemmer) with prefix matching (<c>'дорог':*</c>), any word
    /// start, ranked by <c>ts_rank</c>; a GIN index on <c>to_tsvector('simple', "SearchText")</c> (PostgreSQL's
    /// migration <c>ProposalSearchWords</c>) finds the candidates without reading the consultation's proposals.
    /// Not trigrams (<c>pg_trgm</c>): those match pieces inside words rather than word starts, ignore Cyrillic in a
    /// database with the C locale, and need an extension the database's owner may not be allowed to create.
    /// </summary>
    private Task<List<Row>> WordStartsAsync(List<string> stems, int id, int consultationId, CancellationToken ct)
    {
        // The stems are letters only (see Stems); quoted as tsquery lexemes all the same.
        var query = string.Join(" | ", stems.Select(s => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "':*"));
        return db.Database.SqlQuery<Row>($"""
            SELECT p."Reference", p."Text", p."Status", p."DuplicateOfReference", p."SearchText"
            FROM "Proposals" p, to_tsquery('simple', {query}) AS q
            WHERE to_tsvector('simple', p."SearchText") @@ q AND p."ConsultationId" = {consultationId} AND p."Id" <> {id}
            ORDER BY ts_rank(to_tsvector('simple', p."SearchText"), q) DESC, p."Id"
            LIMIT {Candidates}
            """).ToListAsync(ct);
    }

    /// <summary>The distinct word starts of a text: letters only (no reference numbers), stop words left out.</summary>
    internal static List<string> Stems(string searchText, int max) => Word().Matches(searchText)
        .Select(m => m.Value)
        .Where(w => w.Length >= 4 && !StopWords.Contains(w))
        .Select(w => w[..Math.Max(4, w.Length - 2)])
        .Distinct(StringComparer.Ordinal)
        .Take(max)
        .ToList();

    private static int Shared(List<string> stems, List<string> other) =>
        stems.Count(s => other.Exists(o => o.StartsWith(s, StringComparison.Ordinal) || s.StartsWith(o, StringComparison.Ordinal)));

    [GeneratedRegex(@"\p{L}[\p{L}\p{Mn}ʼ]*")]
    private static partial Regex Word();

    private sealed class Row
    {
        public string Reference { get; set; } = "";
        public string Text { get; set; } = "";
        public string Status { get; set; } = "";
        public string? DuplicateOfReference { get; set; }
        public string SearchText { get; set; } = "";
    }
}
