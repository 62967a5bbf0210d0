using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Proposals;
using Hromada.Core.Audit;
using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Authors;

/// <summary>
/// Erasure for authors who cannot use the chat's /forget: those who wrote on paper or by e-mail, came to a reception or
/// the ЦНАП, or filled in the Google Form. The author is named by one of their proposals; their other proposals are
/// found by the same phone number, e-mail address or chat resident (never by name alone: namesakes are not the same
/// person).
/// </summary>
public static class AuthorsApi
{
    public static RouteGroupBuilder MapAuthorsApi(this RouteGroupBuilder admin)
    {
        admin.MapPost("/authors/anonymise", AnonymiseAsync).WithTags("Personal data").WithName("AnonymiseAuthor")
            .WithSummary("Erase one author's name, phone and e-mail from every proposal of theirs, found from the proposal 'reference' by the same phone, e-mail or chat resident. The proposals stay, flagged unidentified. dryRun=true lists what would change and changes nothing; otherwise 'reason' (e.g. the request's number and date) is required and each proposal gets an audit entry.")
            .RequireAuthorization(AdminPolicies.Admin);
        return admin;
    }

    public sealed record AnonymiseInput(string? Reference, bool? DryRun, string? Reason);

    /// <summary>One proposal the erasure reaches: why it matched, what it held (dry run only) and which fields are cleared.</summary>
    public sealed record AuthorProposalDto(
        string Reference, Channel Channel, DateTimeOffset ReceivedAt, IReadOnlyList<string> MatchedBy, AuthorDto? Current, IReadOnlyList<string> Cleared);

    public sealed record AnonymiseResult(bool DryRun, IReadOnlyList<AuthorProposalDto> Proposals);

    private static async Task<Results<Ok<AnonymiseResult>, NotFound<ProblemDetails>, ValidationProblem, Conflict<ProblemDetails>>> AnonymiseAsync(
        AnonymiseInput input, HromadaDbContext db, AuditLog audit, ErasureCheckpoint checkpoint, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var dryRun = input.DryRun == true;
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Reference))
        {
            errors.Add("reference", "Name the author by the reference of one of their proposals.", "Назвіть автора номером однієї з його пропозицій.");
        }
        if (!dryRun && (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > 500))
        {
            errors.Add("reason", "Say why, in 1 to 500 characters (e.g. the request's number and date); it goes into the audit log.",
                "Вкажіть підставу, від 1 до 500 символів (наприклад, номер і дату заяви); вона йде до журналу дій.");
        }
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToApi(), title: ApiLanguage.Pick("The erasure request is incomplete", "Запит на знеособлення неповний"));
        }

        var reference = input.Reference!.Trim();
        var origin = await db.Proposals.AsNoTracking().SingleOrDefaultAsync(p => p.Reference == reference, ct);
        if (origin is null)
        {
            return ProposalsApi.NotFound(reference);
        }
        var matches = await FindAsync(db, origin, ct);
        var ids = matches.Keys.ToList();
        var proposals = await db.Proposals.Where(p => ids.Contains(p.Id)).OrderBy(p => p.ReceivedAt).ThenBy(p => p.Id).ToListAsync(ct);
        var changes = proposals.Select(p => (Proposal: p, Cleared: Cleared(p))).Where(c => c.Cleared.Count > 0).ToList();
        if (dryRun)
        {
            return TypedResults.Ok(new AnonymiseResult(true, changes.Select(c => Dto(c.Proposal, matches[c.Proposal.Id], c.Cleared, withCurrent: true)).ToList()));
        }

        var now = time.GetUtcNow();
        var actor = http.User.ActorName();
        foreach (var (p, cleared) in changes)
        {
            p.Anonymise(now);
            // Names the fields, never their values: the audit log must not keep what was erased.
            audit.Record(actor, p.Reference, new ProposalAnonymised(new ClearedFields(cleared),
                new AnonymisedState(now, p.IsUnidentified, InChat: false, input.Reason!.Trim(), reference)));
        }
        if (!await ProposalChange.TrySaveAsync(db, ct))
        {
            return CommandApiResults.Conflict(ProposalChange.Stale(reference, null));
        }
        await checkpoint.RunAsync("an author's erasure", ct);
        return TypedResults.Ok(new AnonymiseResult(false, changes.Select(c => Dto(c.Proposal, matches[c.Proposal.Id], c.Cleared, withCurrent: false)).ToList()));
    }

    /// <summary>
    /// The author's proposals by id, each with what tied it to the author. Ties are followed on: a phone found on one
    /// proposal finds the e-mail address on it, which finds the next — the dry run shows the result to check.
    /// </summary>
    private static async Task<Dictionary<int, List<string>>> FindAsync(HromadaDbContext db, Proposal origin, CancellationToken ct)
    {
        var candidates = (await db.Proposals.AsNoTracking()
            .Where(p => p.Id == origin.Id || p.AuthorPhone != null || p.AuthorEmail != null || p.ResidentId != null)
            .Select(p => new { p.Id, p.AuthorPhone, p.AuthorEmail, p.ResidentId })
            .ToListAsync(ct))
            .Select(c => (c.Id, Phone: PhoneKey(c.AuthorPhone), Email: EmailKey(c.AuthorEmail), c.ResidentId))
            .ToList();
        var phones = new HashSet<string>(StringComparer.Ordinal);
        var emails = new HashSet<string>(StringComparer.Ordinal);
        var residents = new HashSet<int>();
        var found = new Dictionary<int, List<string>>();
        void Take(int id, string? phone, string? email, int? resident, List<string> why)
        {
            found[id] = why;
            if (phone is not null) phones.Add(phone);
            if (email is not null) emails.Add(email);
            if (resident is { } r) residents.Add(r);
        }

        var first = candidates.Single(c => c.Id == origin.Id);
        // The named proposal lists its own identifiers too, so the dry run shows what the search started from.
        List<string> start = ["reference"];
        if (first.Phone is not null) start.Add("phone");
        if (first.Email is not null) start.Add("email");
        if (first.ResidentId is not null) start.Add("resident");
        Take(first.Id, first.Phone, first.Email, first.ResidentId, start);
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var c in candidates.Where(c => !found.ContainsKey(c.Id)))
            {
                var why = new List<string>();
                if (c.Phone is not null && phones.Contains(c.Phone)) why.Add("phone");
                if (c.Email is not null && emails.Contains(c.Email)) why.Add("email");
                if (c.ResidentId is { } r && residents.Contains(r)) why.Add("resident");
                if (why.Count > 0)
                {
                    Take(c.Id, c.Phone, c.Email, c.ResidentId, why);
                    grew = true;
                }
            }
        }
        return found;
    }

    private static string? PhoneKey(string? phone) => ContactParser.NormalisePhone(phone) ?? Blank(phone);

    private static string? EmailKey(string? email) => Blank(email)?.ToUpperInvariant();

    private static List<string> Cleared(Proposal p)
    {
        var cleared = new List<string>();
        if (p.AuthorName is not null) cleared.Add("authorName");
        if (p.AuthorPhone is not null) cleared.Add("authorPhone");
        if (p.AuthorEmail is not null) cleared.Add("authorEmail");
        if (p.ResidentId is not null) cleared.Add("resident");
        return cleared;
    }

    private static AuthorProposalDto Dto(Proposal p, List<string> matchedBy, List<string> cleared, bool withCurrent) =>
        new(p.Reference, p.Channel, p.ReceivedAt, matchedBy,
            withCurrent ? new AuthorDto(p.AuthorName, p.AuthorPhone, p.AuthorEmail, p.ConsentAt, p.ConsentVersion, p.AnonymisedAt) : null, cleared);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
