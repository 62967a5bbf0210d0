using Hromada.Core.Audit;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hromada.Core.Conversation.Steps;

/// <summary>
/// /forget, confirmed: the resident's name and contacts leave every proposal they made (which stay, anonymous and
/// flagged unidentified), and the resident record with its conversation is deleted. Anything but "yes" keeps it all.
/// </summary>
internal sealed class ForgetStep(HromadaDbContext db, AuditLog audit, TimeProvider time, ILogger<ForgetStep> logger) : IStep
{
    public const string StepName = "forget";

    public string Name => StepName;

    public Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        ctx.Say(ctx.T("Ask_Forget"), [ctx.C("Choice_ForgetYes", "forget:yes"), ctx.C("Choice_ForgetNo", "forget:no")]);
        return Task.CompletedTask;
    }

    public async Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        if (input is not StepInput.Pressed { Value: "yes" })
        {
            MenuStep.Leave(ctx, ctx.T("Forget_Kept"));
            return StepResult.Handled;
        }
        var r = ctx.Resident;
        var now = time.GetUtcNow();
        var theirs = await db.Proposals.Where(p => p.ResidentId == r.Id).ToListAsync(ct);
        foreach (var p in theirs)
        {
            p.AuthorName = null;
            p.AuthorPhone = null;
            p.AuthorEmail = null;
            p.AnonymisedAt = now;
            p.IsUnidentified = true;
            p.ResidentId = null;
            audit.Record($"resident:{r.Channel}", "Proposal", p.Reference, "Personal data erased at the author's request", null, new { p.AnonymisedAt, p.IsUnidentified });
        }
        db.Residents.Remove(r);
        logger.LogInformation("Erased a {Channel} resident's personal data ({Count} proposals anonymised)", r.Channel, theirs.Count);
        ctx.Say(ctx.T("Forget_Done", ctx.Count(theirs.Count, "Proposal", GrammaticalCase.Accusative)));
        return StepResult.Handled;
    }
}
