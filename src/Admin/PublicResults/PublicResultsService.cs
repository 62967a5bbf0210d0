using System.Globalization;
using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Proposals;
using Hromada.Core.Audit;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.PublicResults;

/// <summary>
/// What the working group decides about the public results: whether a consultation's results page and open data are
/// published (off by default), and which proposal's text is hidden from them, with the reason shown instead. Each change
/// is audited; the API and the web pages call the same methods.
/// </summary>
public sealed class PublicResultsService(HromadaDbContext db, AuditLog audit)
{
    public const int ReasonMaxLength = 500;

    /// <summary>A consultation's publication state after a change.</summary>
    public sealed record PublicationDto(int Consultation, bool Published, string ResultsPath);

    /// <summary>A proposal's public text state after a change: <see cref="HiddenReason"/> null = shown.</summary>
    public sealed record PublicTextDto(string Reference, bool Hidden, string? HiddenReason, int Version);

    public async Task<CommandResult<PublicationDto>> SetPublishedAsync(int consultationId, bool? published, ClaimsPrincipal user, CancellationToken ct)
    {
        if (published is not { } on)
        {
            return CommandFailure.Invalid("Nothing to change", "Нічого змінювати", new FieldErrors().Add("published",
                "Say true (publish the results page and open data) or false (withdraw them).", "Оберіть: оприлюднити чи зняти з оприлюднення."));
        }
        var c = await db.Consultations.SingleOrDefaultAsync(x => x.Id == consultationId, ct);
        if (c is null)
        {
            return CommandFailure.NotFound("No such consultation", "Такої консультації немає",
                $"There is no consultation {consultationId}.", $"Консультації {consultationId} немає.");
        }
        if (c.ResultsPublic != on)
        {
            audit.Record(user.ActorName(), c.Id.ToString(CultureInfo.InvariantCulture),
                new ResultsPublication(new PublicationState(c.ResultsPublic), new PublicationState(on)));
            c.ResultsPublic = on;
            await db.SaveChangesAsync(ct);
        }
        return CommandResult.Done(new PublicationDto(c.Id, c.ResultsPublic, ResultsPath(c.Id)));
    }

    /// <summary>Hides the text (a reason is required: the public page shows it instead) or shows it again.</summary>
    public async Task<CommandResult<PublicTextDto>> SetTextHiddenAsync(
        string reference, bool? hidden, string? reason, int? version, ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var why = reason?.Trim();
        if (hidden is null)
        {
            errors.Add("hidden", "Say true (hide the text from the public pages) or false (show it).", "Оберіть: приховати текст чи показати.");
        }
        else if (hidden.Value && string.IsNullOrEmpty(why))
        {
            errors.Add("reason", "The reason is required: the public page shows it instead of the text.",
                "Вкажіть причину: її покаже публічна сторінка замість тексту.");
        }
        else if (hidden.Value && why!.Length > ReasonMaxLength)
        {
            errors.Add("reason", $"The reason may be at most {ReasonMaxLength} characters long.", $"Причина — не довше {ReasonMaxLength} символів.");
        }
        if (errors.Any)
        {
            return CommandFailure.Invalid("The public text was not changed", "Публічний текст не змінено", errors);
        }
        var p = await db.Proposals.SingleOrDefaultAsync(x => x.Reference == reference, ct);
        if (p is null)
        {
            return ProposalChange.NotFound(reference);
        }
        if (ProposalChange.CheckVersion(p, version) is { } conflict)
        {
            return conflict;
        }
        var before = p.PublicTextHiddenReason;
        var after = hidden!.Value ? why : null;
        if (before != after)
        {
            p.PublicTextHiddenReason = after;
            audit.Record(user.ActorName(), p.Reference, new PublicTextChanged(new PublicTextState(before), new PublicTextState(after)));
            if (!await ProposalChange.TrySaveAsync(db, ct))
            {
                return ProposalChange.Stale(reference, null);
            }
        }
        return CommandResult.Done(new PublicTextDto(p.Reference, p.PublicTextHiddenReason is not null, p.PublicTextHiddenReason, p.Version));
    }

    public static string ResultsPath(int consultationId) => $"/results/{consultationId.ToString(CultureInfo.InvariantCulture)}";
}
