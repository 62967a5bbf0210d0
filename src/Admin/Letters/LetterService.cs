using System.Security.Cryptography;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>A letter identical to one sent this recently (same subject, text and addresses) is refused as a repeat.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(10);

    /// <summary>The titles of the refusals a page tells apart.</summary>
    public const string ChangedSincePreview = "The letter changed after its preview", AlreadySent = "The letter was already sent";

    /// <summary>
    /// The letter and its addresses as typed or pasted (one a line, or separated by commas, semicolons or spaces), and
    /// optionally the <see cref="LetterPreview.PreviewKey"/> of the preview that was checked: then a letter changed since
    /// that preview is not sent.
    /// </summary>
    public sealed record LetterInput(
        string? Subject, string? Body, [property: Hromada.Core.Text.TextLimit(AddressesMaxLength)] string? Addresses, string? PreviewKey = null);

    /// <summary>
    /// What would be sent: the addresses that will get the letter (normalised, each once), what was not an address, and
    /// how many repeats were dropped.
    /// </summary>
    public sealed record LetterPreview(
        string Subject, string Body, IReadOnlyList<string> Recipients, IReadOnlyList<string> Invalid, int Duplicates, bool EmailOn)
    {
        /// <summary>What this preview showed, as a key: sending with it sends exactly this letter to exactly these addresses.</summary>
        public string PreviewKey { get; } = KeyOf(Subject, Body, Recipients);
    }

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
        if (input.PreviewKey is { } previewed && !string.Equals(previewed, letter.PreviewKey, StringComparison.Ordinal))
        {
            return CommandFailure.Conflict(ChangedSincePreview,
                "The subject, text or addresses differ from the preview that was checked; preview the letter again before sending it.");
        }
        if (!letter.EmailOn)
        {
            return CommandFailure.Conflict("E-mail is off",
                "No SMTP server is configured (Hromada:Email:Host), so nothing would send the letter. Configure e-mail first.");
        }
        // The same letter to the same addresses a moment ago is a second click or a resent form, not a second letter.
        var now = time.GetUtcNow();
        var since = now - RepeatWindow;
        var prefix = $"letter-{letter.PreviewKey[..16]}-";
        var repeat = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Letter" && a.EntityKey.StartsWith(prefix) && a.At >= since)
            .Select(a => (DateTimeOffset?)a.At).FirstOrDefaultAsync(ct);
        if (repeat is not null)
        {
            return CommandFailure.Conflict(AlreadySent,
                $"The same letter went to the same addresses {(int)Math.Ceiling((now - repeat.Value).TotalMinutes)} min ago; it is not sent twice.");
        }
        var key = $"{prefix}{now.ToUnixTimeMilliseconds()}";
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

    private static string KeyOf(string subject, string body, IReadOnlyList<string> recipients) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject + "\0" + body + "\0" + string.Join('\n', recipients))));
}
