namespace Hromada.Core.Conversation.Steps;

/// <summary>
/// Between submissions: the menu. Its buttons (<c>m:new</c>, <c>m:my</c> …) run commands from anywhere in the
/// conversation, so the engine handles them before any step; typed text here is answered with the greeting.
/// </summary>
internal sealed class MenuStep : IStep
{
    /// <summary>The menu buttons' prefix (the menu's own step name is empty).</summary>
    public const string Prefix = "m";

    public string Name => "";

    public Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        ctx.Say(ctx.T("Menu"), Choices(ctx));
        return Task.CompletedTask;
    }

    public Task<StepResult> AnswerAsync(ConversationContext ctx, StepInput input, CancellationToken ct) => Task.FromResult(StepResult.NotTaken);

    public static IReadOnlyList<Choice> Choices(ConversationContext ctx) =>
    [
        ctx.C("Choice_MenuNew", "m:new"),
        ctx.C("Choice_MenuMy", "m:my"),
        ctx.Resident.IsSubscribed ? ctx.C("Choice_MenuUnsubscribe", "m:stop") : ctx.C("Choice_MenuSubscribe", "m:sub"),
        ctx.C("Choice_MenuHelp", "m:help"),
    ];

    /// <summary>Ends whatever was going on and shows the menu under <paramref name="text"/>.</summary>
    public static void Leave(ConversationContext ctx, string text)
    {
        ctx.ResetDraft();
        ctx.Step = "";
        ctx.Say(text, Choices(ctx));
    }
}
