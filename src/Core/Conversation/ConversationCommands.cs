using Hromada.Core.Audit;
using Hromada.Core.Community;
using Hromada.Core.Consultations;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation;

/// <summary>The commands (start, new, my, cancel, help, privacy, subscribe, stop, forget), the greeting and the submission.</summary>
internal sealed class ConversationCommands(
    HromadaDbContext db,
    QuestionnaireQuestions questions,
    QuestionnaireAnswers answers,
    ProposalService proposals,
    AuditLog audit,
    CommunityClock clock,
    IOptions<ConversationOptions> options,
    IOptions<CommunityOptions> community,
    ILogger<ConversationCommands> logger)
{
    public async Task RunAsync(ConversationContext ctx, string text, CancellationToken ct)
    {
        var command = text.Split(' ', 2)[0].ToLowerInvariant();
        var at = command.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            command = command[..at];
        }
        switch (command)
        {
            case "/start":
                await GreetAsync(ctx, ct);
                break;
            case "/new":
                await StartSubmissionAsync(ctx, ct);
                break;
            case "/my":
                await MyProposalsAsync(ctx, ct);
                break;
            case "/cancel":
                ctx.ResetDraft();
                ctx.Step = Steps.Idle;
                ctx.Say(ctx.T("Cancelled"), QuestionnaireQuestions.Menu(ctx));
                break;
            case "/privacy":
                ctx.Say(ctx.T("Privacy", community.Value.PrivacyNoticeUrl));
                await questions.AskAsync(ctx, ct);
                break;
            case "/subscribe":
                ctx.Resident.IsSubscribed = true;
                ctx.Resident.SubscribedAt = clock.UtcNow;
                ctx.Say(ctx.T("Subscribed"));
                await questions.AskAsync(ctx, ct);
                break;
            case "/stop":
                ctx.Resident.IsSubscribed = false;
                ctx.Say(ctx.T("Unsubscribed"));
                await questions.AskAsync(ctx, ct);
                break;
            case "/forget":
                await answers.GoAsync(ctx, Steps.ForgetConfirm, ct);
                break;
            default:
                ctx.Say(ctx.T("Help"), QuestionnaireQuestions.Menu(ctx));
                break;
        }
    }

    public async Task GreetAsync(ConversationContext ctx, CancellationToken ct)
    {
        var consultation = await db.FindAcceptingAsync(clock.UtcNow, ct);
        if (consultation is null)
        {
            ctx.Say(ctx.T("Greeting_NoConsultation", community.Value.Name), [ctx.C("Choice_MenuSubscribe", "m:sub")]);
            ctx.Step = Steps.Idle;
            return;
        }
        ctx.Say(ctx.T("Greeting", community.Value.Name, consultation.Title, clock.ToLocal(consultation.Deadline).ToString("dd.MM.yyyy", ctx.Culture)));
        ctx.ResetDraft();
        await answers.GoAsync(ctx, ctx.Resident.ConsentAt is null ? Steps.Consent : Steps.Idle, ct);
    }

    private async Task StartSubmissionAsync(ConversationContext ctx, CancellationToken ct)
    {
        var consultation = await db.FindAcceptingAsync(clock.UtcNow, ct);
        if (consultation is null)
        {
            ctx.Step = Steps.Idle;
            ctx.Say(ctx.T("Greeting_NoConsultation", community.Value.Name), [ctx.C("Choice_MenuSubscribe", "m:sub")]);
            return;
        }
        if (await IsOverDailyLimitAsync(ctx, ct))
        {
            return;
        }
        ctx.ResetDraft();
        await answers.GoAsync(ctx, ctx.Resident.ConsentAt is null ? Steps.Consent : Steps.Category, ct);
    }

    public async Task SubmitAsync(ConversationContext ctx, CancellationToken ct)
    {
        var consultation = await db.FindAcceptingAsync(clock.UtcNow, ct);
        if (consultation is null)
        {
            ctx.Say(ctx.T("Greeting_NoConsultation", community.Value.Name), [ctx.C("Choice_MenuSubscribe", "m:sub")]);
            ctx.Step = Steps.Idle;
            return;
        }
        if (await IsOverDailyLimitAsync(ctx, ct))
        {
            return;
        }
        var d = ctx.Draft;
        var r = ctx.Resident;
        // The resident's new state is tracked, so it commits in the proposal's own transaction: both or neither.
        ctx.Step = Steps.Subscribe;
        r.ConversationData = null;
        var proposal = await proposals.SubmitAsync(new NewProposal
        {
            ConsultationId = consultation.Id,
            Channel = r.Channel,
            ReceivedAt = clock.UtcNow,
            AuthorCategoryId = d.CategoryId!.Value,
            SocialGroupIds = d.SocialGroupIds,
            BusinessKindId = d.BusinessKindId,
            SettlementId = d.SettlementId,
            UnlistedSettlement = d.UnlistedSettlement,
            SphereId = d.SphereId!.Value,
            TopicId = d.TopicId,
            Text = d.Text,
            AuthorName = d.Name,
            AuthorPhone = d.Phone,
            AuthorEmail = d.Email,
            ConsentAt = r.ConsentAt,
            ConsentVersion = r.ConsentVersion,
            Language = r.Language,
            ResidentId = r.Id,
            Actor = $"resident:{r.Channel}",
        }, ct);
        ctx.ResetDraft();
        ctx.Say(ctx.T("Submitted", proposal.Reference));
        if (proposal.IsLate)
        {
            ctx.Say(ctx.T("Submitted_Late"));
        }
        if (r.IsSubscribed)
        {
            ctx.Step = Steps.Idle;
            ctx.Say(ctx.T("Menu"), QuestionnaireQuestions.Menu(ctx));
        }
        else
        {
            await questions.AskAsync(ctx, ct);
        }
    }

    private async Task<bool> IsOverDailyLimitAsync(ConversationContext ctx, CancellationToken ct)
    {
        if (ctx.Resident.Id == 0)
        {
            return false;
        }
        var dayStart = clock.StartOfDay(clock.Today);
        var today = await db.Proposals.CountAsync(p => p.ResidentId == ctx.Resident.Id && p.ReceivedAt >= dayStart, ct);
        if (today < options.Value.MaxProposalsPerDay)
        {
            return false;
        }
        ctx.Step = Steps.Idle;
        ctx.ResetDraft();
        ctx.Say(ctx.T("Error_DailyLimit", options.Value.MaxProposalsPerDay, ctx.Plural(options.Value.MaxProposalsPerDay, "Plural_Proposals")));
        return true;
    }

    private async Task MyProposalsAsync(ConversationContext ctx, CancellationToken ct)
    {
        var mine = ctx.Resident.Id == 0
            ? []
            : await db.Proposals.AsNoTracking().Where(p => p.ResidentId == ctx.Resident.Id).OrderByDescending(p => p.Id).Take(10).ToListAsync(ct);
        if (mine.Count == 0)
        {
            ctx.Say(ctx.T("My_None"), QuestionnaireQuestions.Menu(ctx));
            return;
        }
        var total = await db.Proposals.CountAsync(p => p.ResidentId == ctx.Resident.Id, ct);
        var lines = new List<string> { ctx.T("My_Header", total, ctx.Plural(total, "Plural_Proposals")) };
        foreach (var p in mine)
        {
            var line = ctx.T("My_Line", p.Reference, clock.ToLocal(p.ReceivedAt).ToString("dd.MM.yyyy", ctx.Culture), ctx.T($"Status_{p.Status}"));
            if (p.Outcome is { } outcome)
            {
                line += "\n" + ctx.T("My_Decision", ctx.T($"Outcome_{outcome}"), p.Justification);
            }
            lines.Add(line);
        }
        ctx.Say(string.Join("\n\n", lines));
        await questions.AskAsync(ctx, ct);
    }

    public async Task ConfirmForgetAsync(ConversationContext ctx, CancellationToken ct)
    {
        if (ctx.Message.ChoiceValue != "fg:yes")
        {
            ctx.Step = Steps.Idle;
            ctx.Say(ctx.T("Forget_Kept"), QuestionnaireQuestions.Menu(ctx));
            return;
        }
        var r = ctx.Resident;
        var theirs = await db.Proposals.Where(p => p.ResidentId == r.Id).ToListAsync(ct);
        foreach (var p in theirs)
        {
            p.AuthorName = null;
            p.AuthorPhone = null;
            p.AuthorEmail = null;
            p.AnonymisedAt = clock.UtcNow;
            p.ResidentId = null;
            audit.Record($"resident:{r.Channel}", "Proposal", p.Reference, "Personal data erased at the author's request", null, new { p.AnonymisedAt });
        }
        db.Residents.Remove(r);
        logger.LogInformation("Erased a {Channel} resident's personal data ({Count} proposals anonymised)", r.Channel, theirs.Count);
        ctx.Say(ctx.T("Forget_Done", theirs.Count, ctx.Plural(theirs.Count, "Plural_Proposals")));
    }
}
