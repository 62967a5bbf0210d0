using Hromada.Core.Conversation.Steps;

namespace Hromada.Core.Conversation;

/// <summary>
/// Routes one inbound message: a command or a menu button to <see cref="ConversationCommands"/>; anything else to the
/// step the resident is at. A button from an earlier question, typed text where buttons are expected, a photo or a
/// contact nobody asked for is answered with one sentence saying what is expected, and the same question again —
/// nothing already answered changes.
/// </summary>
internal sealed class ConversationFlow(Questionnaire questionnaire, ConversationCommands commands)
{
    public async Task DispatchAsync(ConversationContext ctx, bool isNew, CancellationToken ct)
    {
        var m = ctx.Message;
        if (m.Text is { } text && ChatCommands.IsTyped(text))
        {
            await commands.RunAsync(ctx, text.Trim(), ct);
            return;
        }
        if (m.ChoiceValue is { } value && ChatCommands.OfButton(value) is { } command)
        {
            await commands.RunAsync(ctx, command, ct);
            return;
        }
        var step = questionnaire.Find(ctx.Step);
        if (isNew || step is null || step is MenuStep && m.ChoiceValue is null && !m.UnsupportedAttachment && m.Contact is null)
        {
            await commands.GreetAsync(ctx, ct);
            return;
        }

        if (ToInput(m, step) is not { } input)
        {
            ctx.Say(Expected(ctx, step, "Bad_StaleChoice"));
            await step.AskAsync(ctx, ct);
            return;
        }
        if (input is StepInput.Typed typed && await MatchChoiceAsync(ctx, step, typed.Text, ct) is { } pressed)
        {
            input = new StepInput.Pressed(pressed);
        }
        await AnswerAsync(ctx, step, input, passedOn: false, ct);
    }

    private async Task AnswerAsync(ConversationContext ctx, IStep step, StepInput input, bool passedOn, CancellationToken ct)
    {
        var result = await step.AnswerAsync(ctx, input, ct);
        switch (result.Outcome)
        {
            case StepOutcome.Done:
                await questionnaire.GoOnAsync(ctx, ct);
                break;
            case StepOutcome.Again:
                await step.AskAsync(ctx, ct);
                break;
            case StepOutcome.Refused:
                ctx.Say(result.Reason ?? Expected(ctx, step, ReasonKey(input)));
                await step.AskAsync(ctx, ct);
                break;
            case StepOutcome.PassOn when !passedOn && await questionnaire.NextQuestionAsync(ctx, ct) is { } next:
                ctx.Step = next.Name;
                await AnswerAsync(ctx, next, input, passedOn: true, ct);
                break;
            case StepOutcome.PassOn:
                await questionnaire.GoOnAsync(ctx, ct);
                break;
            case StepOutcome.Handled:
                break;
        }
    }

    /// <summary>The input as <paramref name="step"/> sees it; null for a button that belongs to another step.</summary>
    private static StepInput? ToInput(InboundMessage m, IStep step)
    {
        if (m.ChoiceValue is { } value)
        {
            var prefix = step.Name + ":";
            return value.StartsWith(prefix, StringComparison.Ordinal) ? new StepInput.Pressed(value[prefix.Length..]) : null;
        }
        if (m.Contact is { } contact)
        {
            return new StepInput.Contact(contact);
        }
        if (m.Text is { } text && text.Trim().Length > 0)
        {
            return new StepInput.Typed(text.Trim());
        }
        return new StepInput.Attachment();
    }

    private static string ReasonKey(StepInput input) => input switch
    {
        StepInput.Pressed => "Bad_StaleChoice",
        StepInput.Contact => "Bad_Contact",
        StepInput.Attachment => "Bad_Attachment",
        _ => "Bad_Typed",
    };

    /// <summary>One sentence: what was wrong with the input, and what the step expects instead.</summary>
    private static string Expected(ConversationContext ctx, IStep step, string reasonKey) =>
        ctx.T("Bad_Input", ctx.T(reasonKey), ctx.T(step.ExpectedKey));

    /// <summary>
    /// Typed text names a button of the question when it is a button's label (case, apostrophe form and a tick do not
    /// matter) or, where the question takes no typed answer of its own, the beginning of exactly one label.
    /// </summary>
    private static async Task<string?> MatchChoiceAsync(ConversationContext ctx, IStep step, string typed, CancellationToken ct)
    {
        var scratch = new ConversationContext(ctx.Resident, ctx.Message) { Draft = ctx.Draft };
        await step.AskAsync(scratch, ct);
        var prefix = step.Name + ":";
        var choices = scratch.Replies.SelectMany(r => r.Choices).Where(c => c.Value.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var wanted = Normalise(typed);
        var exact = choices.Where(c => Normalise(c.Label) == wanted || c.ShortLabel is { } s && Normalise(s) == wanted).ToList();
        if (exact.Count == 1)
        {
            return exact[0].Value[prefix.Length..];
        }
        if (!step.TakesText && wanted.Length >= 4)
        {
            var starting = choices.Where(c => Normalise(c.Label).StartsWith(wanted, StringComparison.Ordinal)).ToList();
            if (starting.Count == 1)
            {
                return starting[0].Value[prefix.Length..];
            }
        }
        return null;
    }

    private static string Normalise(string label) => SettlementMatcher.Normalise(label.Replace("✓ ", "", StringComparison.Ordinal));
}
