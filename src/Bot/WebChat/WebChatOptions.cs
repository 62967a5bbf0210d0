namespace Hromada.Bot.WebChat;

/// <summary>The web chat (section <c>Hromada:WebChat</c>).</summary>
public sealed class WebChatOptions
{
    public const string Section = "Hromada:WebChat";

    /// <summary>Serve the chat at / and its API under /api/webchat.</summary>
    public bool Enabled { get; set; } = true;
}
