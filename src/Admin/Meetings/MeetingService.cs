using System.Globalization;
using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Consultations;
using Hromada.Core.Audit;
using Hromada.Core.Meetings;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Meetings;

/// <summary>
/// The working group's meetings: recorded by the secretary (attendance, agenda, votes, the sufficiency decision), each
/// change audited. A decision to extend, taken with a new deadline, extends collection at once, and the extension
/// carries the meeting (its reasons and measures). Decisions on proposals are linked by the protocol's number and date.
/// </summary>
public sealed class MeetingService(
    HromadaDbContext db, AuditLog audit, ConsultationService consultations, IOptions<WorkingGroupOptions> group, TimeProvider time)
{
    public async Task<IReadOnlyList<MeetingSummaryDto>> ListAsync(int? consultation, CancellationToken ct)
    {
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => consultation == null || m.ConsultationId == consultation)
            .OrderByDescending(m => m.Date).ThenByDescending(m => m.Id).ToListAsync(ct);
        var decided = await db.Proposals.AsNoTracking()
            .Where(p => p.Outcome != null && p.ProtocolNumber != null && (consultation == null || p.ConsultationId == consultation))
            .GroupBy(p => new { p.ConsultationId, p.ProtocolNumber, p.ProtocolDate })
            .Select(g => new { g.Key.ConsultationId, g.Key.ProtocolNumber, g.Key.ProtocolDate, Count = g.Count() })
            .ToListAsync(ct);
        return meetings.Select(m => new MeetingSummaryDto(m.Id, m.ConsultationId, m.Number, m.Date, MeetingMapping.Quorum(m), m.Sufficiency,
            decided.Where(d => d.ConsultationId == m.ConsultationId && d.ProtocolNumber == m.Number && d.ProtocolDate == m.Date).Sum(d => d.Count)))
            .ToList();
    }

    public async Task<MeetingDto?> GetAsync(int id, CancellationToken ct)
    {
        var m = await db.Meetings.AsNoTracking().Include(x => x.Items).SingleOrDefaultAsync(x => x.Id == id, ct);
        return m is null ? null : await ToDtoAsync(m, ct);
    }

    /// <summary>What a new meeting's form starts from: the next number, today, the usual place, the members all present, the two fixed questions.</summary>
    public async Task<MeetingInput> DraftAsync(int consultation, DateOnly today, CancellationToken ct)
    {
        var count = await db.Meetings.CountAsync(m => m.ConsultationId == consultation, ct);
        var g = group.Value;
        return new MeetingInput(consultation, (count + 1).ToString(CultureInfo.InvariantCulture), today, "10:00", g.MeetingPlace, g.Chair, g.Secretary,
            g.Members, [], [],
            [
                new MeetingItemInput(MeetingItemKind.Sufficiency, "Про достатність і репрезентативність пропозицій, що надійшли", null, null, null, null, null),
                new MeetingItemInput(MeetingItemKind.Decisions, "Про розгляд пропозицій, що надійшли", null, null, null, null, null),
            ],
            null);
    }

    public async Task<CommandResult<MeetingDto>> CreateAsync(MeetingInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var consultation = input.Consultation is { } cid
            ? await db.Consultations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cid, ct)
            : await db.Consultations.AsNoTracking().OrderByDescending(c => c.OpensAt).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (consultation is null)
        {
            return CommandFailure.NotFound("No such consultation", "Такої консультації немає",
                input.Consultation is { } missing ? $"There is no consultation {missing}." : "There is no consultation yet.",
                input.Consultation is { } absent ? $"Консультації {absent} немає." : "Консультації ще немає.");
        }
        var meeting = new Meeting { ConsultationId = consultation.Id, CreatedAt = time.GetUtcNow(), CreatedBy = user.ActorName() };
        return await SaveAsync(meeting, input, consultation.Deadline, extended: false, user, ct);
    }

    public async Task<CommandResult<MeetingDto>> UpdateAsync(int id, MeetingInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var meeting = await db.Meetings.Include(m => m.Items).SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null)
        {
            return CommandFailure.NotFound("No such meeting", "Такого засідання немає", $"There is no meeting {id}.", $"Засідання {id} немає.");
        }
        if (input.Version is { } v && v != meeting.Version)
        {
            return Stale(meeting.Version);
        }
        var deadline = await db.Consultations.Where(c => c.Id == meeting.ConsultationId).Select(c => c.Deadline).SingleAsync(ct);
        var extended = await db.ConsultationExtensions.AnyAsync(e => e.MeetingId == id, ct);
        return await SaveAsync(meeting, input, deadline, extended, user, ct);
    }

    private async Task<CommandResult<MeetingDto>> SaveAsync(
        Meeting m, MeetingInput input, DateTimeOffset deadline, bool extended, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        MeetingRules.Check(input, group.Value.Measures.Select(x => x.Code.Trim()).ToList(), errors);
        var number = input.Number?.Trim() ?? "";
        if (!errors.Has("number") && await db.Meetings.AnyAsync(x => x.ConsultationId == m.ConsultationId && x.Number == number && x.Id != m.Id, ct))
        {
            errors.Add("number", $"This consultation already has a meeting with protocol number {number}.", $"Засідання з протоколом № {number} уже є.");
        }
        var extendTo = extended ? null : input.Sufficiency?.NewDeadline;
        if (extendTo is { } newDeadline && newDeadline <= deadline)
        {
            errors.Add("sufficiency.newDeadline", "The new deadline must be later than the current one.", "Новий строк має бути пізнішим за чинний.");
        }
        if (errors.Any)
        {
            return CommandFailure.Invalid("The meeting is not valid", "Засідання неправильне", errors);
        }

        var before = m.Id == 0 ? null : MeetingState.Of(m);
        Apply(m, input);
        if (m.Id == 0)
        {
            db.Meetings.Add(m);
        }
        else
        {
            // Only the items may have changed: the meeting's version still moves, so a stale form is caught.
            db.Entry(m).Property(x => x.Version).IsModified = true;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            audit.Record(user.ActorName(), m.Id.ToString(CultureInfo.InvariantCulture),
                before is null ? new MeetingRecorded(MeetingState.Of(m)) : new MeetingChanged(before, MeetingState.Of(m)));
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(null);
        }
        catch (DbUpdateException ex) when (m.Id == 0 && ex.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            // Another secretary recorded the same number at the same moment (the unique index refused this one).
            return CommandFailure.Invalid("The meeting is not valid", "Засідання неправильне", new FieldErrors().Add("number",
                $"This consultation already has a meeting with protocol number {m.Number}.", $"Засідання з протоколом № {m.Number} уже є."));
        }

        if (extendTo is { } to)
        {
            var result = await consultations.ExtendAsync(m.ConsultationId,
                new ConsultationService.ExtendInput(to, m.LowActivityReasons, m.Number, m.Date), user, m.Id, ct);
            if (!result.IsDone)
            {
                return CommandFailure.Invalid("The meeting was recorded, but collection was not extended", "Засідання записано, але збір не продовжено",
                    new FieldErrors().Add("sufficiency.newDeadline", result.Failure!.Detail?.English ?? result.Failure.Title.English,
                        "Засідання записано, але строк не продовжено: " + (result.Errors.All.Count > 0 ? result.Errors.All[0].Ukrainian : "консультацію щойно змінили. Спробуйте ще раз.")));
            }
        }
        return CommandResult.Done(await ToDtoAsync(m, ct));
    }

    private void Apply(Meeting m, MeetingInput input)
    {
        m.Number = input.Number!.Trim();
        m.Date = input.Date!.Value;
        m.StartsAt = MeetingRules.ParseTime(input.StartsAt);
        m.Place = input.Place?.Trim() ?? "";
        m.Chair = input.Chair?.Trim() ?? "";
        m.Secretary = input.Secretary?.Trim() ?? "";
        m.MembersPresent = string.Join('\n', MeetingRules.People(input.Present));
        m.MembersAbsent = string.Join('\n', MeetingRules.People(input.Absent));
        m.Invited = string.Join('\n', MeetingRules.People(input.Invited));
        var s = input.Sufficiency;
        m.Sufficiency = s?.Decision;
        m.LowActivityReasons = Blank(s?.LowActivityReasons);
        var known = group.Value.Measures.Select(x => x.Code.Trim()).ToList();
        m.MeasureCodes = string.Join(',', known.Where(k => (s?.Measures ?? []).Contains(k, StringComparer.OrdinalIgnoreCase)));
        m.OtherMeasures = Blank(s?.OtherMeasures);

        var items = (input.Items ?? []).Where(i => !string.IsNullOrWhiteSpace(i.Title)).ToList();
        db.MeetingItems.RemoveRange(m.Items);
        m.Items = items.Select((i, n) => new MeetingItem
        {
            Number = n + 1,
            Kind = i.Kind ?? MeetingItemKind.General,
            Title = i.Title!.Trim(),
            Heard = Blank(i.Heard),
            Decision = Blank(i.Decision),
            VotesFor = i.VotesFor,
            VotesAgainst = i.VotesAgainst,
            VotesAbstained = i.VotesAbstained,
        }).ToList();
    }

    private async Task<MeetingDto> ToDtoAsync(Meeting m, CancellationToken ct)
    {
        var measures = group.Value.Measures.ToDictionary(x => x.Code.Trim(), x => x.Label.Trim(), StringComparer.OrdinalIgnoreCase);
        var extension = await db.ConsultationExtensions.AsNoTracking().Where(e => e.MeetingId == m.Id).OrderBy(e => e.Id).FirstOrDefaultAsync(ct);
        var decided = await DecidedAsync(m, ct);
        return new MeetingDto(m.Id, m.ConsultationId, m.Number, m.Date, m.StartsAt?.ToString("HH:mm", CultureInfo.InvariantCulture), m.Place, m.Chair,
            m.Secretary, m.Present, m.Absent, m.InvitedPersons, MeetingMapping.Quorum(m),
            m.Items.OrderBy(i => i.Number).Select(i => new MeetingItemDto(i.Number, i.Kind, i.Title, i.Heard, i.Decision,
                new VoteDto(i.VotesFor, i.VotesAgainst, i.VotesAbstained))).ToList(),
            new SufficiencyDto(m.Sufficiency, m.LowActivityReasons,
                m.Measures.Select(c => new MeasureDto(c, measures.GetValueOrDefault(c, c))).ToList(), m.OtherMeasures,
                extension is null ? null : new MeetingExtensionDto(extension.PreviousDeadline, extension.NewDeadline, extension.Reason)),
            decided, m.Version, m.CreatedAt, m.CreatedBy);
    }

    /// <summary>The proposals decided at <paramref name="m"/>: their decision carries its protocol number and date.</summary>
    public async Task<IReadOnlyList<DecidedProposalDto>> DecidedAsync(Meeting m, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(m);
        var rows = await db.Proposals.AsNoTracking()
            .Where(p => p.ConsultationId == m.ConsultationId && p.Outcome != null && p.ProtocolNumber == m.Number && p.ProtocolDate == m.Date)
            .OrderBy(p => p.Id)
            .Select(p => new { p.Reference, p.Text, p.Outcome, p.Justification })
            .ToListAsync(ct);
        return rows.Select(p => new DecidedProposalDto(p.Reference, p.Text, p.Outcome!.Value, p.Justification ?? "")).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static CommandFailure Stale(int? current) => CommandFailure.Conflict("Someone else changed this meeting", "Хтось інший змінив це засідання",
        "Re-read it and apply your change again." + (current is null ? "" : $" Current version: {current}."),
        "Прочитайте його знову й повторіть свою зміну." + (current is null ? "" : $" Поточна версія: {current}."));
}
