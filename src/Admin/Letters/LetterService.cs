using System.Globalization;
using System.Security.Cryptography;
using System.Security.Claims;
using System.Text;
using System.Text.RegularExpressions;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Announcements;
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
/// Letters to groups (seed procedure, step 3): the working group writes one letter and sends it to a group, each
/// recipient getting their own copy. The group is one of three:
/// <list type="bullet">
/// <item>a pasted list of e-mail addresses (businesses of a settlement, NGOs): one e-mail per address straight through
/// the e-mail channel's outbox; the letter's row lists its outbox messages (for the delivery report);</item>
/// <item>the authors of a chosen category (every business that ever submitted): found on the server, each address once,
/// erased authors left out; the working group sees how many, never the addresses;</item>
/// <item>the subscribers of a chosen settlement, each in their own chat.</item>
/// </list>
/// The last two are announcements sent at once (target <see cref="AnnouncementTarget.AuthorEmails"/>, or the subscriber
/// targets with the announcement's settlement filter): the announcement machinery writes their delivery rows, and the
/// letter's report is the announcement's. Every address typed is checked as everywhere an address is entered. The audit
/// records who sent what to how many; the addresses are kept only in the outbox messages that send them.
/// </summary>
public sealed partial class LetterService(
    HromadaDbContext db, IOutbox outbox, AuditLog audit, TimeProvider time, AnnouncementChannels channels, AnnouncementService announcements)
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
    /// <remarks>
    /// Give one of: <see cref="Addresses"/>, <see cref="AuthorCategory"/> (an author category's code: its authors' e-mail
    /// addresses) or <see cref="Settlement"/> (a settlement's code: its subscribers, in their chats).
    /// </remarks>
    public sealed record LetterInput(
        string? Subject, string? Body, [property: Hromada.Core.Text.TextLimit(AddressesMaxLength)] string? Addresses, string? PreviewKey = null,
        [property: Hromada.Core.Text.TextLimit(100)] string? AuthorCategory = null, [property: Hromada.Core.Text.TextLimit(100)] string? Settlement = null);

    /// <summary>
    /// What would be sent: the addresses that will get the letter (normalised, each once), what was not an address, and
    /// how many repeats were dropped.
    /// </summary>
    /// <remarks>
    /// For a group the server finds, <see cref="Recipients"/> is empty (the addresses are not shown), <see cref="Count"/>
    /// says how many will get it, <see cref="Group"/> names the group (<c>authors:business</c>, <c>subscribers:zabirria</c>)
    /// and <see cref="Audience"/> says it in Ukrainian; <see cref="Channels"/> counts a settlement's subscribers by chat.
    /// </remarks>
    public sealed record LetterPreview(
        string Subject, string Body, IReadOnlyList<string> Recipients, IReadOnlyList<string> Invalid, int Duplicates, bool EmailOn,
        int Count, string Audience, string? Group = null, IReadOnlyDictionary<string, int>? Channels = null)
    {
        /// <summary>What this preview showed, as a key: sending with it sends exactly this letter to exactly these addresses (or this group).</summary>
        public string PreviewKey { get; } = KeyOf(Subject, Body, Group is null ? Recipients : [Group]);

        /// <summary>True when the letter goes to chats (a settlement's subscribers), so e-mail need not be on.</summary>
        public bool ByChat => Group?.StartsWith(SubscribersGroup, StringComparison.Ordinal) == true;

        /// <summary>Whether "send" can work: e-mail is on, or the letter goes to chats.</summary>
        public bool CanSend => EmailOn || ByChat;
    }

    private const string AuthorsGroup = "authors:", SubscribersGroup = "subscribers:";

    /// <summary>An address the letter has not reached (yet): the outbox's state and the mail server's last answer.</summary>
    /// <remarks>
    /// <see cref="Address"/> is null for a letter to a group the server found (the working group does not see those
    /// addresses; any address in the mail server's answer is hidden too) and for a target nothing was sent to (state <c>skipped</c>).
    /// </remarks>
    public sealed record LetterProblem(string? Address, string State, string? Reason);

    /// <summary>
    /// How far a letter got: addresses it was sent to, delivered (the mail server accepted it), waiting (queued or being
    /// retried), not delivered (given up or refused), and no longer known (the outbox's retention deleted the record);
    /// <see cref="Problems"/> lists the addresses waiting for a retry or not delivered, with the reason (detail only).
    /// </summary>
    /// <remarks>
    /// A letter to a group the server found is sent by announcement <see cref="AnnouncementId"/> (its delivery report is
    /// <c>/api/admin/announcements/{id}/report</c>); until its rows are all written, <see cref="Recipients"/> is the
    /// preview's count. <see cref="Audience"/> says who it went to.
    /// </remarks>
    public sealed record LetterReport(
        string Letter, string Subject, DateTimeOffset SentAt, string SentBy, int Recipients, int Delivered, int Waiting, int NotDelivered,
        int NoLongerKnown, IReadOnlyList<LetterProblem>? Problems, string? Audience = null, long? AnnouncementId = null);

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
        if (letter.AnnouncementId is { } announcement)
        {
            return await GroupReportAsync(letter, announcement, details, ct);
        }
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
            letter.Recipients - messages.Count, problems, letter.Audience);
    }

    /// <summary>The delivery of a letter an announcement sends: its rows are the announcement's.</summary>
    private async Task<LetterReport> GroupReportAsync(Letter letter, long announcement, bool details, CancellationToken ct)
    {
        var targets = await db.AnnouncementTargets.AsNoTracking().Where(t => t.AnnouncementId == announcement).ToListAsync(ct);
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.AnnouncementId == announcement)
            .GroupBy(m => m.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Of(params OutboxStatus[] statuses) => rows.Where(r => statuses.Contains(r.Status)).Sum(r => r.Count);
        var complete = targets.Count > 0 && targets.TrueForAll(t => t.EnqueuedAt is not null);
        var written = targets.Sum(t => t.Enqueued);
        var known = rows.Sum(r => r.Count);
        var recipients = complete ? written : Math.Max(letter.Recipients, written);
        List<LetterProblem>? problems = null;
        if (details)
        {
            problems = targets.Where(t => t.SkippedReason is not null)
                .Select(t => new LetterProblem(null, "skipped", $"{t.Target}: {t.SkippedReason}")).ToList();
            var failed = await db.OutboxMessages.AsNoTracking()
                .Where(m => m.AnnouncementId == announcement && m.Status != OutboxStatus.Sent)
                .OrderBy(m => m.Id).Take(AnnouncementProblemsListed)
                .Select(m => new { m.Status, m.LastError }).ToListAsync(ct);
            problems.AddRange(failed.Select(m => new LetterProblem(null,
                m.Status is OutboxStatus.Pending or OutboxStatus.Held ? "waiting" : "notDelivered",
                m.LastError is { } error ? HideAddresses(error) : null)));
        }
        return new LetterReport(letter.Key, letter.Subject, letter.SentAt, letter.SentBy, recipients, Of(OutboxStatus.Sent),
            Of(OutboxStatus.Pending, OutboxStatus.Held) + (complete ? 0 : Math.Max(0, recipients - known)),
            Of(OutboxStatus.Failed, OutboxStatus.Blocked, OutboxStatus.Skipped), complete ? Math.Max(0, written - known) : 0,
            problems, letter.Audience, announcement);
    }

    /// <summary>The most undelivered rows a group letter's report lists (the counts cover them all).</summary>
    public const int AnnouncementProblemsListed = 200;

    /// <summary>A mail server's answer may name the address; a group letter's report does not show addresses.</summary>
    private static string HideAddresses(string text) => AddressLike().Replace(text, "(адресу приховано)");

    [GeneratedRegex(@"[^\s<>""'()\[\],;:]+@[^\s<>""'()\[\],;:]+")]
    private static partial Regex AddressLike();

    /// <summary>A letter handed to the outbox: how many e-mails, and the audit entry's key.</summary>
    public sealed record LetterSent(string Letter, int Recipients, IReadOnlyList<string> Invalid, int Duplicates)
    {
        /// <summary>The announcement that sends a letter to a group (its delivery report is the letter's); null for a list of addresses.</summary>
        public long? AnnouncementId { get; init; }
    }

    /// <summary>The group chosen on the server, once found: the announcement's targets and filter, and how many it reaches.</summary>
    private sealed record Group(
        string Code, string Audience, int Count, IReadOnlyList<AnnouncementTarget> Targets, int? AuthorCategoryId, int? SettlementId,
        IReadOnlyDictionary<string, int>? Channels);

    /// <summary>Checks the letter and who gets it; nothing is stored.</summary>
    public async Task<CommandResult<LetterPreview>> PreviewAsync(LetterInput input, CancellationToken ct)
    {
        var (preview, _, failure) = await CheckAsync(input, ct);
        if (failure is not null)
        {
            return failure;
        }
        return CommandResult.Done(preview!);
    }

    private async Task<(LetterPreview? Preview, Group? Group, CommandFailure? Failure)> CheckAsync(LetterInput input, CancellationToken ct)
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

        // Null = not this group; given but blank = this group, with nothing chosen.
        var category = input.AuthorCategory?.Trim();
        var settlement = input.Settlement?.Trim();
        var addresses = string.IsNullOrWhiteSpace(input.Addresses) ? null : input.Addresses;
        var chosen = (category is null ? 0 : 1) + (settlement is null ? 0 : 1) + (addresses is null ? 0 : 1);
        if (chosen > 1)
        {
            var field = addresses is not null ? "addresses" : "settlement";
            errors.Add(field, "Give one group: addresses, or authorCategory (its authors' e-mail addresses), or settlement (its subscribers).",
                "Оберіть одну групу адресатів: список адрес, або авторів категорії, або підписників населеного пункту.");
        }
        else if (category is "")
        {
            errors.Add("authorCategory", "Choose the author category whose authors get the letter.", "Оберіть категорію авторів, яким надіслати лист.");
        }
        else if (settlement is "")
        {
            errors.Add("settlement", "Choose the settlement whose subscribers get the letter.", "Оберіть населений пункт, підписникам з якого надіслати лист.");
        }
        else if (category is not null || settlement is not null)
        {
            var group = category is not null ? await AuthorsAsync(category, errors, ct) : await SubscribersAsync(settlement!, body, errors, ct);
            if (errors.Any)
            {
                return (null, null, Invalid(errors));
            }
            var emailOn = outbox.Sends(Channel.Email);
            return (new LetterPreview(subject, body, [], [], 0, emailOn, group!.Count, group.Audience, group.Code, group.Channels), group, null);
        }

        var recipients = new List<string>();
        var invalid = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = 0;
        foreach (var item in (addresses ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
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
        if (errors.Has("addresses") || errors.Has("authorCategory") || errors.Has("settlement"))
        {
            // A group was given (or several); the addresses are not the problem to name.
        }
        else if (recipients.Count == 0)
        {
            errors.Add("addresses", "Give at least one valid e-mail address, or choose a group (authorCategory or settlement).",
                "Вкажіть хоча б одну правильну адресу e-mail або оберіть групу адресатів.");
        }
        else if (recipients.Count > MaxRecipients)
        {
            errors.Add("addresses", $"At most {MaxRecipients} addresses in one letter.", $"Не більше {MaxRecipients} адрес в одному листі.");
        }
        if (errors.Any)
        {
            return (null, null, Invalid(errors));
        }
        return (new LetterPreview(subject, body, recipients, invalid, duplicates, outbox.Sends(Channel.Email), recipients.Count,
            $"адреси зі списку ({recipients.Count})"), null, null);
    }

    private static CommandFailure Invalid(FieldErrors errors) => CommandFailure.Invalid("The letter cannot be sent", "Лист не можна надіслати", errors);

    /// <summary>The authors of a category who left an e-mail address (each address once, erased authors left out).</summary>
    private async Task<Group?> AuthorsAsync(string code, FieldErrors errors, CancellationToken ct)
    {
        var folded = code.ToLowerInvariant();
        var category = await db.AuthorCategories.AsNoTracking().SingleOrDefaultAsync(c => c.Code == folded || c.Code == code, ct);
        if (category is null)
        {
            var known = string.Join(", ", await db.AuthorCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => c.Code).ToListAsync(ct));
            errors.Add("authorCategory", $"'{code}' is not an author category; use {known}.", $"«{code}» — не категорія автора; можна: {known}.");
            return null;
        }
        var count = (await AuthorAddresses.ListAsync(db, category.Id, ct)).Count;
        if (count == 0)
        {
            errors.Add("authorCategory", $"No author of the category '{category.Code}' left an e-mail address; there is nobody to send the letter to.",
                $"Жоден автор категорії «{category.Label}» не залишив адреси e-mail: лист нікому надіслати.");
            return null;
        }
        return new Group(AuthorsGroup + category.Code, $"автори категорії «{category.Label}», що залишили e-mail", count,
            [AnnouncementTarget.AuthorEmails], category.Id, null, null);
    }

    /// <summary>The subscribers who said they live in a settlement, in every chat that is on; the text must fit each of those chats.</summary>
    private async Task<Group?> SubscribersAsync(string code, string body, FieldErrors errors, CancellationToken ct)
    {
        var folded = code.ToLowerInvariant();
        var settlement = await db.Settlements.AsNoTracking().SingleOrDefaultAsync(x => x.Code == folded || x.Code == code, ct);
        if (settlement is null)
        {
            errors.Add("settlement", $"'{code}' is not a settlement's code.", $"«{code}» — не код населеного пункту.");
            return null;
        }
        var targets = AnnouncementTargets.All.Where(t => AnnouncementTargets.IsSubscribers(t) && channels.WhyUnavailable(t) is null).ToList();
        var chats = targets.Select(t => AnnouncementTargets.Channel(t)!.Value).ToList();
        var byChannel = await db.Residents.AsNoTracking()
            .Where(r => chats.Contains(r.Channel) && r.IsSubscribed && !r.IsBlocked && r.ResidenceSettlementId == settlement.Id)
            .GroupBy(r => r.Channel).Select(g => new { Channel = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Channel, x => x.Count, ct);
        var count = byChannel.Values.Sum();
        if (count == 0)
        {
            errors.Add("settlement", $"Nobody who lives in {settlement.Code} is subscribed to the news in a chat that is on; there is nobody to send the letter to.",
                $"Ніхто з мешканців {settlement.DisplayName} не підписаний на новини в чаті: лист нікому надіслати.");
            return null;
        }
        var used = targets.Where(t => byChannel.ContainsKey(AnnouncementTargets.Channel(t)!.Value)).ToList();
        foreach (var t in used.Where(t => body.Length > AnnouncementTargets.MaxLength(t)))
        {
            errors.Add("body", $"The letter is {body.Length} characters; {t} allows at most {AnnouncementTargets.MaxLength(t)}.",
                $"Текст листа має {body.Length} символів — задовгий для: {AnnouncementTargets.Label(t)} (щонайбільше {AnnouncementTargets.MaxLength(t)}).");
        }
        return new Group(SubscribersGroup + settlement.Code, $"підписники з населеного пункту {settlement.DisplayName}", count, used, null, settlement.Id,
            byChannel.OrderBy(x => x.Key).ToDictionary(x => x.Key.ToString(), x => x.Value, StringComparer.Ordinal));
    }

    /// <summary>
    /// Sends the letter. To a list of addresses: one outbox e-mail per address, the letter's row and the audit entry, in
    /// one commit; addresses that are not addresses are left out (the preview showed them). To a group: an announcement
    /// that goes out at once, the letter's row and the audit entries in one commit, then the announcement's timer. With
    /// e-mail off nothing goes by e-mail (409).
    /// </summary>
    public async Task<CommandResult<LetterSent>> SendAsync(LetterInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        var (letter, group, failure) = await CheckAsync(input, ct);
        if (failure is not null)
        {
            return failure;
        }
        if (input.PreviewKey is { } previewed && !string.Equals(previewed, letter!.PreviewKey, StringComparison.Ordinal))
        {
            return CommandFailure.Conflict(ChangedSincePreview, "Лист змінено після перегляду",
                "The subject, text or recipients differ from the preview that was checked; preview the letter again before sending it.",
                "Тема, текст або адресати відрізняються від переглянутих; перегляньте лист ще раз, перш ніж надсилати.");
        }
        if (!letter!.CanSend)
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
        if (group is not null)
        {
            return await SendToGroupAsync(letter, group, key, user.ActorName(), now, ct);
        }
        var messages = letter.Recipients
            .Select(address => outbox.Enqueue(EmailRequest.Create(address, letter.Subject, letter.Body, OutboxPurpose.Announcement)!))
            .ToList();
        audit.Record(user.ActorName(), key, new LetterDispatched(
            new LetterState(letter.Subject, letter.Body, letter.Recipients.Count, Invalid: letter.Invalid.Count, Duplicates: letter.Duplicates)));
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
                Audience = letter.Audience,
                Messages = messages.Select(m => new LetterMessage { OutboxMessageId = m.Id }).ToList(),
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        outbox.Signal();
        return CommandResult.Done(new LetterSent(key, letter.Recipients.Count, letter.Invalid, letter.Duplicates));
    }

    /// <summary>
    /// A letter to a group is a manual announcement sent now: title = subject, text = body, the group's targets and
    /// filter. The broadcaster then writes a delivery row per recipient, as for any announcement.
    /// </summary>
    private async Task<CommandResult<LetterSent>> SendToGroupAsync(
        LetterPreview letter, Group group, string key, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var announcement = new Announcement
        {
            PublicId = Guid.NewGuid(),
            Kind = AnnouncementKind.Manual,
            Status = AnnouncementStatus.Scheduled,
            CreatedAt = now,
            CreatedBy = actor,
            Title = letter.Subject,
            Text = letter.Body,
            SendAt = now,
            AuthorCategoryId = group.AuthorCategoryId,
            SettlementId = group.SettlementId,
            Targets = group.Targets.Select(t => new AnnouncementTargetProgress { Target = t }).ToList(),
        };
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.Announcements.Add(announcement);
            await db.SaveChangesAsync(ct);
            var id = announcement.Id.ToString(CultureInfo.InvariantCulture);
            db.Letters.Add(new Letter
            {
                Key = key,
                Subject = letter.Subject,
                SentAt = now,
                SentBy = actor,
                Recipients = group.Count,
                AnnouncementId = announcement.Id,
                Audience = group.Audience,
            });
            audit.Record(actor, id, new AnnouncementCreated(AnnouncementState.Of(announcement) with { Group = group.Code, Letter = key }));
            audit.Record(actor, key, new LetterDispatched(
                new LetterState(letter.Subject, letter.Body, group.Count, Group: group.Code, Announcement: announcement.Id)));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        await announcements.ScheduleAsync(announcement, ct);
        return CommandResult.Done(new LetterSent(key, group.Count, [], 0) { AnnouncementId = announcement.Id });
    }

    private static string KeyOf(string subject, string body, IReadOnlyList<string> recipients) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(subject + "\0" + body + "\0" + string.Join('\n', recipients))));
}
