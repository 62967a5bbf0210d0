using Hromada.Core.Community;
using Hromada.Core.Consultations;
using Hromada.Core.Conversation.Steps;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation;

/// <summary>The commands (start, new, my, cancel, help, privacy, subscribe, stop, forget) and the greeting.</summary>
internal sealed class ConversationCommands(
    IConversationReads reads,
    Catalogs.CatalogCache catalogs,
    Questionnaire questionnaire,
    Submission submission,
    CommunityClock clock,
    IOptions<CommunityOptions> community,
    Receipts.ReceiptLinks receipts)
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
            case ChatCommands.Start:
                await GreetAsync(ctx, ct);
                break;
            case ChatCommands.New:
                await StartSubmissionAsync(ctx, ct);
                break;
            case ChatCommands.My:
                await MyProposalsAsync(ctx, ct);
                break;
            case ChatCommands.Cancel:
                MenuStep.Leave(ctx, ctx.T("Cancelled"));
                break;
            case ChatCommands.Privacy:
                ctx.Say(ctx.T("Privacy", community.Value.PrivacyNoticeLink));
                await questionnaire.AskAsync(ctx, ct);
                break;
            case ChatCommands.Subscribe:
                ctx.Resident.IsSubscribed = true;
                ctx.Resident.SubscribedAt = clock.UtcNow;
                ctx.Say(ctx.T("Subscribed"));
                await questionnaire.AskAsync(ctx, ct);
                break;
            case ChatCommands.Stop:
                ctx.Resident.IsSubscribed = false;
                ctx.Say(ctx.T("Unsubscribed"));
                await questionnaire.AskAsync(ctx, ct);
                break;
            case ChatCommands.Forget:
                ctx.Step = ForgetStep.StepName;
                await questionnaire.AskAsync(ctx, ct);
                break;
            default:
                ctx.Say(ctx.T("Help"), MenuStep.Choices(ctx));
                break;
        }
    }

    /// <summary>
    /// The greeting with what is open and until when; then consent for a resident who has not given it (the
    /// questionnaire goes on from there), or the menu.
    /// </summary>
    public async Task GreetAsync(ConversationContext ctx, CancellationToken ct)
    {
        var open = await catalogs.ListAcceptingAsync(clock.UtcNow, ct);
        if (open.Count == 0)
        {
            submission.SayNoConsultation(ctx);
            return;
        }
        var name = community.Value.NameGenitive;
        ctx.Say(open.Count == 1
            ? ctx.T("Greeting", name, open[0].Title, DeadlineText.Until(ctx, clock, open[0].Deadline))
            : ctx.T("Greeting_Several", name, string.Join('\n', open.Select(c => ctx.T("Greeting_Line", c.Title, DeadlineText.Until(ctx, clock, c.Deadline))))));
        ctx.ResetDraft();
        var consent = questionnaire.Questions.OfType<Questions.ConsentQuestion>().FirstOrDefault();
        if (consent is null || consent.IsAnswered(ctx))
        {
            ctx.Step = "";
            await questionnaire.Menu.AskAsync(ctx, ct);
            return;
        }
        await questionnaire.GoOnAsync(ctx, ct);
    }

    private async Task StartSubmissionAsync(ConversationContext ctx, CancellationToken ct)
    {
        if ((await catalogs.ListAcceptingAsync(clock.UtcNow, ct)).Count == 0)
        {
            submission.SayNoConsultation(ctx);
            return;
        }
        if (await submission.IsOverDailyLimitAsync(ctx, ct))
        {
            return;
        }
        await questionnaire.StartAsync(ctx, ct);
    }

    private async Task MyProposalsAsync(ConversationContext ctx, CancellationToken ct)
    {
        var mine = ctx.Resident.Id == 0
            ? []
            : await reads.LatestProposalsAsync(ctx.Resident.Id, 10, ct);
        if (mine.Count == 0)
        {
            ctx.Say(ctx.T("My_None"), MenuStep.Choices(ctx));
            return;
        }
        var total = await reads.CountProposalsAsync(ctx.Resident.Id, null, ct);
        var lines = new List<string> { ctx.T("My_Header", ctx.Count(total, "Proposal")) };
        foreach (var p in mine)
        {
            var line = ctx.T("My_Line", p.Reference, CommunityClock.DateText(clock.ToLocal(p.ReceivedAt)), ctx.T($"Status_{p.Status}"));
            if (p.Outcome is { } outcome)
            {
                line += "\n" + ctx.T("My_Decision", ctx.T($"Outcome_{outcome}"), p.Justification);
            }
            if (!string.IsNullOrEmpty(p.ReceiptCode))
            {
                line += "\n" + ctx.T("My_Link", receipts.For(p.Reference, p.ReceiptCode));
            }
            lines.Add(line);
        }
        ctx.Say(string.Join("\n\n", lines));
        await questionnaire.AskAsync(ctx, ct);
    }
}
