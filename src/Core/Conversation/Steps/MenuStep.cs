namespace Hromada.Core.Conversation.Steps;

/// <summary>
/// Between submissions: the menu. Its buttons (<see cref="ChatCommands.Button"/>) run commands from anywhere in the
/// conversation, so the engine handles them before any step; typed text here is answered with the greeting.
/// </summary>
internal sealed class MenuStep : IStep
{
    public string Name => "";

    public Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        ctx.Say(ctx.T("Menu"), Choices(ctx));
        return Task.CompletedTask;
    }

    public Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct) => Task.FromResult(StepResult.NotTaken);

    public static IReadOnlyList<Choice> Choices(ConversationContext ctx) =>
    [
        ctx.C("Choice_MenuNew", ChatCommands.Button(ChatCommands.New)),
        ctx.C("Choice_MenuMy", ChatCommands.Button(ChatCommands.My)),
        ctx.Resident.IsSubscribed
            ? ctx.C("Choice_MenuUnsubscribe", ChatCommands.Button(ChatCommands.Stop))
            : ctx.C("Choice_MenuSubscribe", ChatCommands.Button(ChatCommands.Subscribe)),
        ctx.C("Choice_MenuHelp", ChatCommands.Button(ChatCommands.Help)),
    ];

    /// <summary>Ends whatever was going on and shows the menu under <paramref name="text"/>.</summary>
    public static void Leave(ConversationContext ctx, string text)
    {
        ctx.ResetDraft();
        ctx.Step = "";
        ctx.Say(text, Choices(ctx));
    }
}
