using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Proposals;
using Hromada.Core.Audit;
using Hromada.Core.Notifications;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Decisions;

/// <summary>
/// The working group's decision on a proposal, one at a time or several at once (each with its own justification: the
/// procedure considers every proposal separately). The decision and the author's notice are stored together.
/// </summary>
public sealed class DecisionService(HromadaDbContext db, AuditLog audit, NotificationService notifications, TimeProvider time)
{
    /// <summary>
    /// A decision. <see cref="Meeting"/>, when given, is the recorded meeting it was taken at: its protocol number and date
    /// are used instead of <see cref="ProtocolNumber"/> and <see cref="ProtocolDate"/>.
    /// </summary>
    public sealed record DecisionInput(
        DecisionOutcome? Outcome, string? Justification, string? ProtocolNumber, DateOnly? ProtocolDate, int? Version, int? Meeting = null);

    /// <summary>One proposal of a bulk decision: its own outcome and justification, and the version the caller read.</summary>
    public sealed record DecisionItem(string? Reference, DecisionOutcome? Outcome, string? Justification, int? Version = null);

    public async Task<CommandResult<DecisionDto>> DecideAsync(string reference, DecisionInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        CheckDecision(input.Outcome, input.Justification, "", errors);
        var (number, date, meetingConsultation) = await ProtocolAsync(input.Meeting, input.ProtocolNumber, input.ProtocolDate, errors, ct);
        if (errors.Any)
        {
            return CommandFailure.Invalid("The decision is incomplete", "Рішення неповне", errors);
        }
        var p = await ProposalChange.LoadAsync(db, reference, ct);
        if (p is null)
        {
            return ProposalChange.NotFound(reference);
        }
        if (meetingConsultation is { } mc && mc != p.ConsultationId)
        {
            return CommandFailure.Invalid("The decision is incomplete", "Рішення неповне", new FieldErrors().Add("meeting",
                $"Meeting {input.Meeting} is of another consultation than {reference}.", "Це засідання іншої консультації."));
        }
        if (ProposalChange.CheckVersion(p, input.Version) is { } conflict)
        {
            return conflict;
        }

        Apply(p, input.Outcome!.Value, input.Justification!, number!, date!.Value, user.ActorName());
        // The decision and its notice to the author are stored together: both or neither.
        await notifications.EnqueueDecisionAsync(p, ct);
        if (!await ProposalChange.TrySaveAsync(db, ct))
        {
            return ProposalChange.Stale(reference, null);
        }
        notifications.Send();
        return CommandResult.Done(new DecisionDto(p.Outcome!.Value, p.Justification!, p.ProtocolNumber, p.ProtocolDate, p.DecidedAt, p.DecidedBy));
    }

    /// <summary>
    /// Decides each listed proposal with its own outcome and justification, all at the same protocol. Each proposal is
    /// saved with its notice on its own, so one conflict does not undo the rest. Errors in an item are reported under
    /// <c>items[i].outcome</c> or <c>items[i].justification</c>.
    /// </summary>
    public Task<CommandResult<BulkResult>> DecideEachAsync(
        IReadOnlyList<DecisionItem>? items, string? protocolNumber, DateOnly? protocolDate, ClaimsPrincipal user, CancellationToken ct) =>
        DecideEachAsync(items, protocolNumber, protocolDate, null, user, ct);

    /// <summary>As above; <paramref name="meeting"/>, when given, supplies the protocol number and date.</summary>
    public async Task<CommandResult<BulkResult>> DecideEachAsync(
        IReadOnlyList<DecisionItem>? items, string? protocolNumber, DateOnly? protocolDate, int? meeting, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        ProposalChange.CheckBulk(items?.Select(i => i.Reference ?? "").ToList(), errors);
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            if (string.IsNullOrWhiteSpace(items![i].Reference))
            {
                errors.Add($"items[{i}].reference", "Name the proposal by its reference.", "Не вказано номер пропозиції.");
            }
            CheckDecision(items[i].Outcome, items[i].Justification, $"items[{i}].", errors);
        }
        (protocolNumber, protocolDate, _) = await ProtocolAsync(meeting, protocolNumber, protocolDate, errors, ct);
        if (errors.Any)
        {
            return CommandFailure.Invalid("The decision is incomplete", "Рішення неповне", errors);
        }

        var byReference = items!.GroupBy(i => i.Reference!.Trim(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var stale = new List<string>();
        var result = await ProposalChange.ForEachAsync(db, byReference.Keys,
            async p =>
            {
                var item = byReference[p.Reference];
                if (item.Version is { } v && v != p.Version)
                {
                    // Read before someone else changed it: leave it, and report it as a conflict.
                    stale.Add(p.Reference);
                    return;
                }
                Apply(p, item.Outcome!.Value, item.Justification!, protocolNumber!, protocolDate!.Value, user.ActorName());
                await notifications.EnqueueDecisionAsync(p, ct);
            },
            _ =>
            {
                notifications.Send();
                return Task.CompletedTask;
            }, ct);
        return CommandResult.Done(stale.Count == 0 ? result : result with
        {
            Done = result.Done.Except(stale).ToList(),
            Conflicts = [.. result.Conflicts, .. stale],
        });
    }

    private void Apply(Proposal p, DecisionOutcome outcome, string justification, string protocolNumber, DateOnly protocolDate, string actor)
    {
        var before = Decision(p);
        p.Outcome = outcome;
        p.Justification = justification.Trim();
        p.ProtocolNumber = protocolNumber.Trim();
        p.ProtocolDate = protocolDate;
        p.DecidedAt = time.GetUtcNow();
        p.DecidedBy = actor;
        p.Status = ProposalStatus.Decided;
        audit.Record(actor, p.Reference, new ProposalDecided(before, Decision(p)));
    }

    private static DecisionState Decision(Proposal p) => new(p.Status, p.Outcome, p.Justification, p.ProtocolNumber, p.ProtocolDate);

    private static string Word(DecisionOutcome outcome) => ProposalLabels.Outcome(outcome).ToLower(Ukrainian.Culture);

    private static void CheckDecision(DecisionOutcome? outcome, string? justification, string prefix, FieldErrors errors)
    {
        if (outcome is null || !Enum.IsDefined(outcome.Value))
        {
            errors.Add(prefix + "outcome", "The outcome is required: Accepted, PartiallyAccepted or Rejected.",
                $"Оберіть рішення: {Word(DecisionOutcome.Accepted)}, {Word(DecisionOutcome.PartiallyAccepted)} або {Word(DecisionOutcome.Rejected)}.");
        }
        if (string.IsNullOrWhiteSpace(justification))
        {
            errors.Add(prefix + "justification", "The justification may not be empty: the procedure requires a written justification for every decision.",
                "Напишіть обґрунтування: порядок вимагає письмового обґрунтування кожного рішення.");
        }
    }

    /// <summary>The protocol number and date: the meeting's when one is named (with its consultation), else as given; both checked.</summary>
    private async Task<(string? Number, DateOnly? Date, int? Consultation)> ProtocolAsync(
        int? meeting, string? number, DateOnly? date, FieldErrors errors, CancellationToken ct)
    {
        if (meeting is { } id)
        {
            var m = await db.Meetings.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Number, x.Date, x.ConsultationId }).SingleOrDefaultAsync(ct);
            if (m is null)
            {
                errors.Add("meeting", $"There is no meeting {id} (GET /api/admin/meetings lists them).", "Такого засідання немає.");
                return (number, date, null);
            }
            return (m.Number, m.Date, m.ConsultationId);
        }
        CheckProtocol(number, date, errors);
        return (number, date, null);
    }

    private static void CheckProtocol(string? protocolNumber, DateOnly? protocolDate, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(protocolNumber))
        {
            errors.Add("protocolNumber", "The number of the protocol the decision was taken at is required.",
                "Вкажіть номер протоколу засідання, на якому ухвалено рішення.");
        }
        if (protocolDate is null)
        {
            errors.Add("protocolDate", "The date of the protocol is required.", "Вкажіть дату протоколу.");
        }
    }
}
