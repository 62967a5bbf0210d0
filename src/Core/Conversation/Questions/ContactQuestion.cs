using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;

namespace Hromada.Core.Conversation.Questions;

/// <summary>
/// The author's name and a phone or e-mail, optional, in one question: one message can carry both ("Олена
/// Петренко, 067 123 45 67"), and a contact shared with the channel's button (Telegram) brings the name with the
/// number. When only one half came, the other is asked for, and can be skipped.
/// </summary>
internal sealed class ContactQuestion : Question
{
    public override string Name => "contact";

    public override bool TakesText => true;

    public override string ExpectedKey => "Expect_Contact";

    private sealed record ContactAnswer(string? Name, string? Phone, string? Email, bool Complete)
    {
        public bool HasReach => Phone is not null || Email is not null;
    }

    public override bool IsAnswered(ConversationContext ctx) => Answer<ContactAnswer>(ctx)?.Complete == true;

    public override Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        var answer = Answer<ContactAnswer>(ctx);
        var skip = Button(ctx.T("Choice_Skip"), "skip");
        if (answer is { Name: { } name, HasReach: false })
        {
            ctx.Say(ctx.T("Ask_ContactAfterName", name), [skip], requestContact: true);
        }
        else if (answer is { Name: null, HasReach: true })
        {
            ctx.Say(ctx.T("Ask_NameAfterContact"), [skip]);
        }
        else
        {
            ctx.Say(ctx.T("Ask_Contact"), [skip], requestContact: true);
        }
        return Task.CompletedTask;
    }

    public override Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct)
    {
        var answer = Answer<ContactAnswer>(ctx) ?? new ContactAnswer(null, null, null, false);
        switch (input)
        {
            case StepInput.Pressed { Value: "skip" }:
                Save(ctx, answer with { Complete = true });
                return Task.FromResult(StepResult.Done);
            case StepInput.Contact { Card: { IsOwn: false } }:
                return Task.FromResult(StepResult.Refused(ctx.T("Error_ForeignContact")));
            case StepInput.Contact { Card: var card }:
                if (ContactParser.NormalisePhone(card.PhoneNumber) is not { } sharedPhone)
                {
                    return Task.FromResult(StepResult.Refused(ctx.T("Error_Contact")));
                }
                var cardName = string.IsNullOrWhiteSpace(card.Name) ? null : card.Name.Trim();
                return Task.FromResult(Take(ctx, answer with { Name = answer.Name ?? cardName, Phone = sharedPhone }));
            case StepInput.Typed { Text: var typed }:
                var parts = ContactParser.Parse(typed);
                if (parts.Unreadable)
                {
                    return Task.FromResult(StepResult.Refused(ctx.T("Error_Contact")));
                }
                if (ProposalInputRules.CheckName(parts.Name).Error is not null)
                {
                    return Task.FromResult(StepResult.Refused(ctx.T("Error_Name")));
                }
                return Task.FromResult(Take(ctx, answer with
                {
                    Name = parts.Name ?? answer.Name,
                    Phone = parts.Phone ?? answer.Phone,
                    Email = parts.Email ?? answer.Email,
                }));
            default:
                return Task.FromResult(StepResult.NotTaken);
        }
    }

    private StepResult Take(ConversationContext ctx, ContactAnswer answer)
    {
        var complete = answer.Name is not null && answer.HasReach;
        Save(ctx, answer with { Complete = complete });
        return complete ? StepResult.Done : StepResult.Again;
    }

    public override Task<IReadOnlyList<SummaryLine>> SummariseAsync(ConversationContext ctx, CancellationToken ct)
    {
        var a = Answer<ContactAnswer>(ctx);
        var contact = string.Join(", ", new[] { a?.Name, a?.Phone, a?.Email }.Where(x => !string.IsNullOrEmpty(x)));
        return Line(ctx.T("Summary_Contact"), contact.Length == 0 ? ctx.T("Summary_None") : contact);
    }

    public override string? EditLabel(ConversationContext ctx) => ctx.T("Choice_EditContact");

    public override void BeginEdit(ConversationContext ctx) => Save(ctx, new ContactAnswer(null, null, null, false));

    public override Task<NewProposal> StoreAsync(ConversationContext ctx, NewProposal proposal, CancellationToken ct)
    {
        var a = Answer<ContactAnswer>(ctx);
        return Task.FromResult(proposal with { AuthorName = a?.Name, AuthorPhone = a?.Phone, AuthorEmail = a?.Email });
    }
}
