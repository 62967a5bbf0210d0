using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Audit;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Proposals;

/// <summary>The working group's corrections of a proposal: its classification and its flags (a duplicate among them).</summary>
public sealed class ProposalCommands(HromadaDbContext db, AuditLog audit)
{
    /// <summary>Sphere, topic and settlement by code; <see cref="ClearTopic"/> removes the topic.</summary>
    public sealed record ClassificationInput(string? Sphere, string? Topic, string? Settlement, bool ClearTopic, string? Reason, int? Version);

    /// <summary>Each flag left null stays as it is; <see cref="DuplicateOf"/> empty clears the duplicate.</summary>
    public sealed record FlagsInput(bool? Late, bool? Unidentified, string? DuplicateOf, bool? OffTopic, string? Reason, int? Version);

    public sealed record Changed(string Reference, int Version);

    public async Task<CommandResult<Changed>> ClassifyAsync(string reference, ClassificationInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            errors.Add("reason", "Say why the classification changes.", "Вкажіть, чому змінюється класифікація.");
        }
        var p = await ProposalChange.LoadAsync(db, reference, ct);
        if (p is null)
        {
            return ProposalChange.NotFound(reference);
        }
        var sphere = input.Sphere is null ? null : await db.Spheres.SingleOrDefaultAsync(s => s.Code == input.Sphere, ct);
        if (input.Sphere is not null && sphere is null)
        {
            errors.Add("sphere", $"Unknown sphere '{input.Sphere}'.", "Такої сфери немає: оберіть зі списку.");
        }
        var sphereId = sphere?.Id ?? p.SphereId;
        var topic = input.Topic is null ? null : await db.Topics.SingleOrDefaultAsync(t => t.Code == input.Topic && t.SphereId == sphereId, ct);
        if (input.Topic is not null && topic is null)
        {
            errors.Add("topic", $"Sphere has no topic '{input.Topic}'.", "У цій сфері такої теми немає: оберіть тему обраної сфери.");
        }
        var settlement = input.Settlement is null ? null : await db.Settlements.SingleOrDefaultAsync(s => s.Code == input.Settlement, ct);
        if (input.Settlement is not null && settlement is null)
        {
            errors.Add("settlement", $"Unknown settlement '{input.Settlement}'.", "Такого населеного пункту немає: оберіть зі списку.");
        }
        if (errors.Any)
        {
            return CommandFailure.Invalid("The correction is not valid", "Виправлення неправильне", errors);
        }
        if (ProposalChange.CheckVersion(p, input.Version) is { } conflict)
        {
            return conflict;
        }

        var before = new ClassificationState(p.SphereId, p.TopicId, p.SettlementId, p.UnlistedSettlement);
        if (sphere is not null && sphere.Id != p.SphereId)
        {
            p.SphereId = sphere.Id;
            p.TopicId = null;
        }
        if (topic is not null)
        {
            p.TopicId = topic.Id;
        }
        if (input.ClearTopic)
        {
            p.TopicId = null;
        }
        if (settlement is not null)
        {
            p.SettlementId = settlement.Id;
            p.UnlistedSettlement = null;
            p.SearchText = Core.Proposals.Proposal.ToSearchText(p.Text, p.Reference, p.UnlistedSettlement);
        }
        audit.Record(user.ActorName(), p.Reference, new ProposalReclassified(before,
            new ClassificationState(p.SphereId, p.TopicId, p.SettlementId, p.UnlistedSettlement, input.Reason!.Trim())));
        ProposalChange.Touch(db, p);
        return await ProposalChange.TrySaveAsync(db, ct)
            ? CommandResult.Done(new Changed(p.Reference, p.Version))
            : ProposalChange.Stale(reference, null);
    }

    public async Task<CommandResult<Changed>> SetFlagsAsync(string reference, FlagsInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var p = await ProposalChange.LoadAsync(db, reference, ct);
        if (p is null)
        {
            return ProposalChange.NotFound(reference);
        }
        var duplicateOf = input.DuplicateOf?.Trim();
        if (duplicateOf is { Length: > 0 } dup && (dup == reference || !await db.Proposals.AnyAsync(x => x.Reference == dup, ct)))
        {
            return CommandFailure.Invalid("The flags are not valid", "Позначки неправильні", new FieldErrors().Add("duplicateOf",
                $"'{dup}' is not another existing proposal.", $"«{dup}» — не номер іншої наявної пропозиції."));
        }
        if (ProposalChange.CheckVersion(p, input.Version) is { } conflict)
        {
            return conflict;
        }
        var before = new FlagsState(p.IsLate, p.IsUnidentified, p.DuplicateOfReference, p.IsOffTopic);
        p.IsLate = input.Late ?? p.IsLate;
        p.IsUnidentified = input.Unidentified ?? p.IsUnidentified;
        p.IsOffTopic = input.OffTopic ?? p.IsOffTopic;
        if (duplicateOf is not null)
        {
            p.DuplicateOfReference = duplicateOf.Length == 0 ? null : duplicateOf;
        }
        audit.Record(user.ActorName(), p.Reference, new ProposalFlagsChanged(before,
            new FlagsState(p.IsLate, p.IsUnidentified, p.DuplicateOfReference, p.IsOffTopic, input.Reason?.Trim())));
        ProposalChange.Touch(db, p);
        return await ProposalChange.TrySaveAsync(db, ct)
            ? CommandResult.Done(new Changed(p.Reference, p.Version))
            : ProposalChange.Stale(reference, null);
    }
}
