using System.ComponentModel.DataAnnotations;

namespace Hromada.Bot.WebChat;

/// <summary>The web chat (section <c>Hromada:WebChat</c>).</summary>
public sealed class WebChatOptions
{
    public const string Section = "Hromada:WebChat";

    /// <summary>Serve the chat at / and its API under /api/webchat.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a message waits for its answer within the same request; later the widget fetches it from /updates.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan ReplyWait { get; set; } = TimeSpan.FromSeconds(10);
}
