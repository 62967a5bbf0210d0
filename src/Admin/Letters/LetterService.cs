using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Audit;
using Hromada.Core.Conversation;
using Hromada.Core.Email;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Text;

namespace Hromada.Admin.Letters;

/// <summary>
/// Letters to groups (seed procedure, step 3): the working group writes one letter and sends it to a list of e-mail
/// addresses (businesses of a settlement, NGOs), each address getting its own e-mail through the e-mail channel's
/// outbox (retries, the per-minute limit). Every address is checked as everywhere an address is entered, repeats are
/// sent once. The audit records who sent what to how many addresses; the addresses themselves are kept only in the
/// outbox messages that send them.
/// </summary>
public sealed class LetterService(HromadaDbContext db, IOutbox outbox, AuditLog audit, TimeProvider time)
{
    public const int SubjectMaxLength = 200, BodyMaxLength = 10_000, MaxRecipients = 2_000;

    /// <summary>The address list's length: the most recipients, each as long as an address may be (254) with a separator.</summary>
    public const int AddressesMaxLength = MaxRecipients * 256;

    private static readonly char[] Separators = ['\n', '\r', ',', ';', ' ', '\t'];

    /// <summary>The letter and its addresses as typed or pasted (one a line, or separated by commas, semicolons or spaces).</summary>
    public sealed record LetterInput(
        string? Subject, string? Body, [property: Hromada.Core.Text.TextLimit(AddressesMaxLength)] string? Addresses);

    /// <summary>
    /// What would be sent: the addresses that will get the letter (normalised, each once), what was not an address, and
    /// how many repeats were dropped.
    /// </summary>
    public sealed record LetterPreview(
        string Subject, string Body, IReadOnlyList<string> Recipients, IReadOnlyList<string> Invalid, int Duplicates, bool EmailOn);

    /// <summary>A letter handed to the outbox: how many e-mails, and the audit entry's key.</summary>
    public sealed record LetterSent(string Letter, int Recipients, IReadOnlyList<string> Invalid, int Duplicates);

    /// <summary>Checks the letter and its addresses; nothing is stored.</summary>
    public CommandResult<LetterPreview> Preview(LetterInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        var subject = input.Subject?.Trim() ?? "";
        var body = input.Body?.Trim() ?? "";
        if (subject.Length == 0)
        {
            errors.Add("subject", "The subject is required.", "Вкажіть тему листа.");
        }
        else if (subject.Length > SubjectMaxLength || subject.Contains('\n', StringComparison.Ordinal) || subject.Contains('\r', StringComparison.Ordinal))
        {
            errors.Add("subject", $"The subject is one line of at most {SubjectMaxLength} characters.", $"Тема — один рядок, не довше {SubjectMaxLength} символів.");
        }
        if (body.Length == 0)
        {
            errors.Add("body", "The letter's text is required.", "Напишіть текст листа.");
        }
        else if (body.Length > BodyMaxLength)
        {
            errors.Add("body", $"The letter may be at most {BodyMaxLength} characters long.", $"Текст листа — не довше {BodyMaxLength} символів.");
        }

        var recipients = new List<string>();
        var invalid = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var item in (input.Addresses ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var candidate = item.Trim('<', '>', '"', '\'', '(', ')');
            if (ContactParser.NormaliseEmail(candidate) is not { } address)
            {
                invalid.Add(item);
            }
            else if (!seen.Add(TextFolding.EmailKey(address)!))
            {
                duplicates++;
            }
            else
            {
                recipients.Add(address);
            }
        }
        if (recipients.Count == 0)
        {
            errors.Add("addresses", "Give at least one valid e-mail address.", "Вкажіть хоча б одну правильну адресу e-mail.");
        }
        else if (recipients.Count > MaxRecipients)
        {
            errors.Add("addresses", $"At most {MaxRecipients} addresses in one letter.", $"Не більше {MaxRecipients} адрес в одному листі.");
        }
        if (errors.Any)
        {
            return CommandFailure.Invalid("The letter cannot be sent", errors);
        }
        return CommandResult.Done(new LetterPreview(subject, body, recipients, invalid, duplicates, outbox.Sends(Channel.Email)));
    }

    /// <summary>
    /// Sends the letter: one outbox e-mail per address, and the audit entry, in one commit. Addresses that are not
    /// addresses are left out (the preview showed them); with e-mail off nothing is sent (409).
    /// </summary>
    public async Task<CommandResult<LetterSent>> SendAsync(LetterInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var checkedLetter = Preview(input);
        if (!checkedLetter.IsDone)
        {
            return checkedLetter.Failure!;
        }
        var letter = checkedLetter.Value!;
        if (!letter.EmailOn)
        {
            return CommandFailure.Conflict("E-mail is off",
                "No SMTP server is configured (Hromada:Email:Host), so nothing would send the letter. Configure e-mail first.");
        }
        var key = $"letter-{time.GetUtcNow().ToUnixTimeMilliseconds()}-{Guid.NewGuid().ToString("N")[..8]}";
        foreach (var address in letter.Recipients)
        {
            outbox.Enqueue(EmailRequest.Create(address, letter.Subject, letter.Body, OutboxPurpose.Announcement)!);
        }
        audit.Record(user.ActorName(), "Letter", key, "Letter sent", null,
            new { letter.Subject, letter.Body, Recipients = letter.Recipients.Count, Invalid = letter.Invalid.Count, letter.Duplicates });
        await db.SaveChangesAsync(ct);
        outbox.Signal();
        return CommandResult.Done(new LetterSent(key, letter.Recipients.Count, letter.Invalid, letter.Duplicates));
    }
}
