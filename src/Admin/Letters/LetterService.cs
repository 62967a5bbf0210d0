using System.Security.Cryptography;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Audit;
using Hromada.Core.Conversation;
using Hromada.Core.Email;
using Hromada.Core.Letters;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Text;

namespace Hromada.Admin.Letters;

/// <summary>
/// Letters to groups (seed procedure, step 3): the working group writes one letter and sends it to a list of e-mail
/// addresses (businesses of a settlement, NGOs), each address getting its own e-mail through the e-mail channel's
/// outbox (retries, the per-minute limit). Every address is checked as everywhere an address is entered, repeats are
/// sent once. The audit records who sent what to how many addresses; the letter's row lists its outbox messages (for the
/// delivery report); the addresses themselves are kept only in the outbox messages that send them.
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

    /// <summary>An address the letter has not reached (yet): the outbox's state and the mail server's last answer.</summary>
    public sealed record LetterProblem(string Address, string State, string? Reason);

    /// <summary>
    /// How far a letter got: addresses it was sent to, delivered (the mail server accepted it), waiting (queued or being
    /// retried), not delivered (given up or refused), and no longer known (the outbox's retention deleted the record);
    /// <see cref="Problems"/> lists the addresses waiting for a retry or not delivered, with the reason (detail only).
    /// </summary>
    public sealed record LetterReport(
        string Letter, string Subject, DateTimeOffset SentAt, string SentBy, int Recipients, int Delivered, int Waiting, int NotDelivered,
        int NoLongerKnown, IReadOnlyList<LetterProblem>? Problems);

    /// <summary>The latest letters (newest first), each with its delivery counts.</summary>
    public async Task<IReadOnlyList<LetterReport>> ListAsync(int take, CancellationToken ct)
    {
        var letters = await db.Letters.AsNoTracking().OrderByDescending(l => l.SentAt).ThenByDescending(l => l.Id).Take(take).ToListAsync(ct);
        var reports = new List<LetterReport>();
        foreach (var l in letters)
        {
            reports.Add(await ReportAsync(l, details: false, ct));
        }
        return reports;
    }

    /// <summary>One letter's delivery with the addresses not reached yet, or null when there is no such letter.</summary>
    public async Task<LetterReport?> ReportAsync(string key, CancellationToken ct) =>
        await db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.Key == key, ct) is { } letter ? await ReportAsync(letter, details: true, ct) : null;

    private async Task<LetterReport> ReportAsync(Letter letter, bool details, CancellationToken ct)
    {
        var messages = await db.LetterMessages.AsNoTracking().Where(m => m.LetterId == letter.Id)
            .Join(db.OutboxMessages.AsNoTracking(), m => m.OutboxMessageId, o => o.Id, (m, o) => new { o.Recipient, o.Status, o.LastError })
            .ToListAsync(ct);
        static bool Waiting(OutboxStatus s) => s is OutboxStatus.Pending or OutboxStatus.Held;
        var problems = details
            ? messages.Where(m => m.Status != OutboxStatus.Sent).OrderBy(m => m.Recipient, StringComparer.Ordinal)
                .Select(m => new LetterProblem(m.Recipient, Waiting(m.Status) ? "waiting" : "notDelivered", m.LastError)).ToList()
            : null;
        return new LetterReport(letter.Key, letter.Subject, letter.SentAt, letter.SentBy, letter.Recipients,
            messages.Count(m => m.Status == OutboxStatus.Sent), messages.Count(m => Waiting(m.Status)),
            messages.Count(m => m.Status is OutboxStatus.Failed or OutboxStatus.Blocked or OutboxStatus.Skipped),
            letter.Recipients - messages.Count, problems);
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
            return CommandFailure.Invalid("The letter cannot be sent", "Лист не можна надіслати", errors);
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
            return CommandFailure.Conflict(ChangedSincePreview, "Лист змінено після перегляду",
                "The subject, text or addresses differ from the preview that was checked; preview the letter again before sending it.",
                "Тема, текст або адреси відрізняються від переглянутих; перегляньте лист ще раз, перш ніж надсилати.");
        }
        if (!letter.EmailOn)
        {
            return CommandFailure.Conflict("E-mail is off", "Електронну пошту вимкнено",
                "No SMTP server is configured (Hromada:Email:Host), so nothing would send the letter. Configure e-mail first.",
                "Сервер SMTP не налаштовано (Hromada:Email:Host), тож лист нічим надіслати. Спершу налаштуйте пошту.");
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
            var minutes = (int)Math.Ceiling((now - repeat.Value).TotalMinutes);
            return CommandFailure.Conflict(AlreadySent, "Цей лист уже надіслано",
                $"The same letter went to the same addresses {minutes} min ago; it is not sent twice.",
                $"Цей самий лист цим самим адресатам надіслано {minutes} хв тому; вдруге його не надсилаємо.");
        }
        var key = $"{prefix}{now.ToUnixTimeMilliseconds()}";
        var messages = letter.Recipients
            .Select(address => outbox.Enqueue(EmailRequest.Create(address, letter.Subject, letter.Body, OutboxPurpose.Announcement)!))
            .ToList();
        audit.Record(user.ActorName(), "Letter", key, "Letter sent", null,
            new { letter.Subject, letter.Body, Recipients = letter.Recipients.Count, Invalid = letter.Invalid.Count, letter.Duplicates });
        // The outbox rows first (for their ids), then the letter that lists them: one transaction, so both or neither.
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            db.Letters.Add(new Letter
            {
                Key = key,
                Subject = letter.Subject,
                SentAt = now,
                SentBy = user.ActorName(),
                Recipients = messages.Count,
                Messages = messages.Select(m => new LetterMessage { OutboxMessageId = m.Id }).ToList(),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        outbox.Signal();
        return CommandResult.Done(new LetterSent(key, letter.Recipients.Count, letter.Invalid, letter.Duplicates));
    }

    private static string KeyOf(string subject, string body, IReadOnlyList<string> recipients) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject + "\0" + body + "\0" + string.Join('\n', recipients))));
}
