namespace Hromada.Core.Conversation;

/// <summary>Names of the conversation steps as stored in <c>Resident.ConversationStep</c>.</summary>
internal static class Steps
{
    public const string Idle = "";
    public const string Consent = "consent";
    public const string Category = "category";
    public const string SocialGroups = "social-groups";
    public const string BusinessKind = "business-kind";
    public const string District = "district";
    public const string Settlement = "settlement";
    public const string SettlementName = "settlement-name";
    public const string SettlementConfirm = "settlement-confirm";
    public const string Sphere = "sphere";
    public const string Topic = "topic";
    public const string Text = "text";
    public const string Name = "name";
    public const string Contact = "contact";
    public const string Summary = "summary";
    public const string Subscribe = "subscribe";
    public const string ForgetConfirm = "forget";

    /// <summary>Steps where typed text is an answer (elsewhere a typed word is matched against the choices).</summary>
    public static bool TakesText(string step) =>
        step is District or Settlement or SettlementName or Text or Name or Contact;
}
