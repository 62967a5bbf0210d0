using System.Globalization;
using System.Linq.Expressions;
using Hromada.Core.Calendar;
using Hromada.Core.Catalogs;
using Hromada.Core.Community;
using Hromada.Core.Conversation;
using Hromada.Core.Email;
using Hromada.Core.Meetings;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Resources;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Hromada.Core.Reports.UkrainianCounts;

namespace Hromada.Core.Reviews;

/// <summary>Where a notice goes: a channel and the address in it (a Telegram chat id).</summary>
public sealed record NoticeAddress(Channel Channel, string Address);

/// <summary>One pass's work: bodies told of new routes, reminded of due dates, and notices to the secretary of passed ones.</summary>
public sealed record ReviewNoticeCounts(int Told, int Reminded, int Overdue);

/// <summary>Lets one pass at a time decide which routes still need a notice, so none is told twice by this process.</summary>
public sealed class ReviewNoticeGate
{
    internal SemaphoreSlim Gate { get; } = new(1, 1);
}

/// <summary>
/// Tells review bodies when proposals are routed to them (one message per body for what was routed since the last
/// pass — the request that routed them runs a pass at once), reminds them <see cref="ReviewOptions.ReminderWorkingDays"/>
/// working days before a due date of the positions still missing (once per route), and tells the working group's
/// recipients when a due date passed without a position (once per route). Each message goes through the outbox in the
/// same transaction that marks the routes, so a route is told once. A body without contacts is not told; its routes
/// wait, and the dashboard names the body as not reachable.
/// </summary>
public sealed class ReviewNotices(
    HromadaDbContext db, IOutbox outbox, CommunityClock clock, WorkingDayCalendar calendar, ReviewNoticeGate gate,
    IOptions<ReviewOptions> options, IOptions<WorkingGroupOptions> group, IOptions<CommunityOptions> community,
    ILogger<ReviewNotices> logger)
{
    /// <summary>Where a body is told: its Telegram chat, and its e-mail addresses when e-mail is on (<c>Hromada:Email</c>).</summary>
    public IReadOnlyList<NoticeAddress> Addresses(ReviewBody body) =>
        Of(string.IsNullOrWhiteSpace(body.TelegramChat) ? [] : [body.TelegramChat.Trim()], body.EmailList);

    public bool IsReachable(ReviewBody body) => Addresses(body).Count > 0;

    /// <summary>The working group's recipients of overdue notices and the weekly summary.</summary>
    public IReadOnlyList<NoticeAddress> GroupAddresses() =>
        Of(group.Value.TelegramChats.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).ToList(), group.Value.Emails);

    private List<NoticeAddress> Of(IReadOnlyList<string> chats, IReadOnlyList<string> emails) =>
    [
        .. chats.Select(c => new NoticeAddress(Channel.Telegram, c)),
        .. outbox.Sends(Channel.Email) ? emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => new NoticeAddress(Channel.Email, e.Trim())) : [],
    ];

    public async Task<ReviewNoticeCounts> RunOnceAsync(CancellationToken ct)
    {
        var told = await TellRoutedAsync(ct);
        var now = clock.ToLocal(clock.UtcNow);
        if (TimeOnly.FromDateTime(now.DateTime) < options.Value.NoticeTime)
        {
            return new ReviewNoticeCounts(told, 0, 0);
        }
        return new ReviewNoticeCounts(told, await RemindAsync(ct), await OverdueAsync(ct));
    }

    /// <summary>Tells each reachable body of the open routes it has not been told of; returns how many bodies were told.</summary>
    public Task<int> TellRoutedAsync(CancellationToken ct) => TellBodiesAsync(
        (routes, ct) => routes.Where(r => r.NotifiedAt == null).ToListAsync(ct),
        (body, list) => (T("Review_RoutedSubject"),
            T("Review_Routed", body.Label, Plural.Count(list.Count, "Proposal", GrammaticalCase.Nominative, Culture), DueDates(list), ListLink(body))),
        r => r.NotifiedAt,
        ct);

    /// <summary>Reminds each reachable body of the positions due within the reminder's working days; returns how many bodies.</summary>
    public Task<int> RemindAsync(CancellationToken ct)
    {
        var today = clock.Today;
        return TellBodiesAsync(
            async (routes, ct) => (await routes.Where(r => r.RemindedAt == null && r.DueDate >= today).ToListAsync(ct))
                .Where(r => calendar.WorkingDaysBefore(r.DueDate, options.Value.ReminderWorkingDays) <= today)
                .ToList(),
            (body, list) => (T("Review_ReminderSubject"),
                T("Review_Reminder", body.Label, Plural.Count(list.Count, "Proposal", GrammaticalCase.Genitive, Culture), DueDates(list), ListLink(body))),
            r => r.RemindedAt,
            ct);
    }

    /// <summary>
    /// One message per reachable body for the open routes <paramref name="select"/> picks and this pass claims (sets
    /// <paramref name="mark"/> where it is still empty, in the transaction that writes the messages); returns how many
    /// bodies were told. A body without contacts is skipped and its routes stay unmarked. A route another pass or
    /// another instance claimed since it was read is left out, so nobody is told twice.
    /// </summary>
    private async Task<int> TellBodiesAsync(
        Func<IQueryable<ProposalRoute>, CancellationToken, Task<List<ProposalRoute>>> select,
        Func<ReviewBody, List<ProposalRoute>, (string Subject, string Text)> message,
        Expression<Func<ProposalRoute, DateTimeOffset?>> mark,
        CancellationToken ct)
    {
        await gate.Gate.WaitAsync(ct);
        try
        {
            var reachable = (await select(OpenRoutes(), ct)).Where(r => IsReachable(r.ReviewBody!)).ToList();
            if (reachable.Count == 0)
            {
                return 0;
            }
            return await ClaimAndSendAsync(reachable, mark, claimed =>
            {
                var told = 0;
                foreach (var byBody in claimed.GroupBy(r => r.ReviewBodyId))
                {
                    var body = byBody.First().ReviewBody!;
                    var (subject, text) = message(body, byBody.ToList());
                    Send(Addresses(body), subject, text);
                    told++;
                }
                return told;
            }, ct);
        }
        finally
        {
            gate.Gate.Release();
        }
    }

    /// <summary>Tells the working group's recipients of the routes whose due date passed without a position; returns 1 if told.</summary>
    public async Task<int> OverdueAsync(CancellationToken ct)
    {
        var addresses = GroupAddresses();
        if (addresses.Count == 0)
        {
            return 0;
        }
        await gate.Gate.WaitAsync(ct);
        try
        {
            var today = clock.Today;
            var routes = await OpenRoutes().Where(r => r.OverdueNotifiedAt == null && r.DueDate < today).ToListAsync(ct);
            if (routes.Count == 0)
            {
                return 0;
            }
            return await ClaimAndSendAsync(routes, r => r.OverdueNotifiedAt, claimed =>
            {
                var lines = claimed.GroupBy(r => r.ReviewBodyId)
                    .Select(g => T("Review_OverdueLine", g.First().ReviewBody!.Label, Plural.Count(g.Count(), "Proposal", GrammaticalCase.Nominative, Culture),
                                     DueDates(g.ToList()))
                                 + (IsReachable(g.First().ReviewBody!) ? "" : T("Review_OverdueUnreachable")));
                Send(addresses, T("Review_OverdueSubject"), T("Review_Overdue", string.Join("\n", lines), $"{Base()}/admin/proposals?overdue=true"));
                return 1;
            }, ct);
        }
        finally
        {
            gate.Gate.Release();
        }
    }

    /// <summary>
    /// In one transaction: sets <paramref name="mark"/> on each of <paramref name="routes"/> where it is still empty (in
    /// id order, one conditional update each), has <paramref name="send"/> write the messages for the routes this pass
    /// claimed, and commits both. A route whose mark another pass or instance set first updates no row and is left out:
    /// on PostgreSQL the second update waits for the first transaction and then finds the mark set; on SQLite the
    /// database lets one transaction write at a time. Returns what <paramref name="send"/> returned (0: nothing claimed).
    /// </summary>
    private async Task<int> ClaimAndSendAsync(
        List<ProposalRoute> routes, Expression<Func<ProposalRoute, DateTimeOffset?>> mark, Func<List<ProposalRoute>, int> send, CancellationToken ct)
    {
        var unmarked = Expression.Lambda<Func<ProposalRoute, bool>>(
            Expression.Equal(mark.Body, Expression.Constant(null, typeof(DateTimeOffset?))), mark.Parameters);
        var now = (DateTimeOffset?)clock.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var claimed = new List<ProposalRoute>();
        foreach (var route in routes.OrderBy(r => r.Id))
        {
            var id = route.Id;
            if (await db.ProposalRoutes.Where(r => r.Id == id).Where(unmarked).ExecuteUpdateAsync(u => u.SetProperty(mark, now), ct) == 1)
            {
                claimed.Add(route);
            }
        }
        var messages = claimed.Count == 0 ? 0 : send(claimed);
        if (messages == 0)
        {
            await tx.RollbackAsync(ct);
            return 0;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        outbox.Signal();
        if (claimed.Count < routes.Count)
        {
            logger.LogInformation("Review notices: {Count} route(s) were claimed by another pass meanwhile and are not told again", routes.Count - claimed.Count);
        }
        logger.LogInformation("Review notices: {Count} message(s) written to the outbox", messages);
        return messages;
    }

    /// <summary>
    /// Sends every reachable review body the link to the consultation's interim report; returns the bodies told and the
    /// labels of those that could not be (no contacts).
    /// </summary>
    public async Task<(int Told, IReadOnlyList<string> Unreachable)> SendInterimReportAsync(int consultationId, string title, CancellationToken ct)
    {
        var bodies = await db.ReviewBodies.AsNoTracking().Where(b => !b.IsRetired).OrderBy(b => b.SortOrder).ToListAsync(ct);
        var unreachable = new List<string>();
        var told = 0;
        foreach (var body in bodies)
        {
            var addresses = Addresses(body);
            if (addresses.Count == 0)
            {
                unreachable.Add(body.Label);
                continue;
            }
            Send(addresses, T("Review_InterimSubject"),
                T("Review_Interim", body.Label, title, $"{Base()}/admin/reports/interim.docx?consultation={consultationId}"));
            told++;
        }
        await SaveAsync(told, ct);
        return (told, unreachable);
    }

    private IQueryable<ProposalRoute> OpenRoutes() =>
        db.ProposalRoutes.Include(r => r.ReviewBody)
            .Where(r => r.Stance == null && r.Proposal!.Status != ProposalStatus.Decided)
            .OrderBy(r => r.Id);

    /// <summary>Writes <paramref name="text"/> to every address (an e-mail with <paramref name="subject"/>).</summary>
    public void Send(IReadOnlyList<NoticeAddress> addresses, string subject, string text)
    {
        foreach (var a in addresses)
        {
            var request = a.Channel == Channel.Email
                ? EmailRequest.Create(a.Address, subject, text)
                : new OutboxRequest(a.Channel, a.Address, OutboxPurpose.Notice, [new OutboundMessage(text)]);
            if (request is not null)
            {
                outbox.Enqueue(request);
            }
        }
    }

    private async Task SaveAsync(int messages, CancellationToken ct)
    {
        if (messages == 0)
        {
            return;
        }
        await db.SaveChangesAsync(ct);
        outbox.Signal();
        logger.LogInformation("Review notices: {Count} message(s) written to the outbox", messages);
    }

    private string DueDates(List<ProposalRoute> routes)
    {
        var dates = routes.GroupBy(r => r.DueDate).OrderBy(g => g.Key).ToList();
        return dates.Count == 1
            ? T("Review_DueBy", Date(dates[0].Key))
            : string.Join(", ", dates.Select(d => T("Review_DueByCount", Date(d.Key), Plural.Count(d.Count(), "Proposal", GrammaticalCase.Genitive, Culture))));
    }

    /// <summary>The notices are read by the hromada's staff, in its default language.</summary>
    private CultureInfo Culture => community.Value.Culture;

    private string T(string key, params object?[] args) => args.Length == 0 ? Texts.Get(key, Culture) : Texts.Format(key, Culture, args);

    private string ListLink(ReviewBody body) => $"{Base()}/admin/proposals?reviewBodyId={body.Id}&status=Routed";

    private string Base() => community.Value.PublicBaseUrl.TrimEnd('/');
}
