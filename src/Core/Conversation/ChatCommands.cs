namespace Hromada.Core.Conversation;

/// <summary>
/// The chat's commands, typed («/new») or pressed as a menu button («m:new»), written once: the commands the
/// conversation runs, the menu buttons' values, and which command each button runs.
/// </summary>
public static class ChatCommands
{
    public const string Start = "/start";
    public const string New = "/new";
    public const string My = "/my";
    public const string Cancel = "/cancel";
    public const string Privacy = "/privacy";
    public const string Subscribe = "/subscribe";
    public const string Stop = "/stop";
    public const string Forget = "/forget";
    public const string Help = "/help";

    /// <summary>What every menu button's value starts with (before a colon); no question may be named so.</summary>
    public const string ButtonPrefix = "m";

    /// <summary>The menu buttons' values and the command each one runs (values stay short: Telegram keeps them in callback data).</summary>
    private static readonly Dictionary<string, string> Buttons = new(StringComparer.Ordinal)
    {
        [$"{ButtonPrefix}:new"] = New,
        [$"{ButtonPrefix}:my"] = My,
        [$"{ButtonPrefix}:sub"] = Subscribe,
        [$"{ButtonPrefix}:stop"] = Stop,
        [$"{ButtonPrefix}:help"] = Help,
    };

    /// <summary>The value of the menu button that runs <paramref name="command"/>.</summary>
    public static string Button(string command) => Buttons.Single(b => b.Value == command).Key;

    /// <summary>The command a menu button's <paramref name="value"/> runs; null when it is not a menu button.</summary>
    public static string? OfButton(string value) =>
        Buttons.TryGetValue(value, out var command) ? command
        : value.StartsWith(ButtonPrefix + ":", StringComparison.Ordinal) ? Help
        : null;

    /// <summary>Whether <paramref name="text"/> is typed as a command («/new», «/start@bot»).</summary>
    public static bool IsTyped(string text) => text.TrimStart().StartsWith('/');
}
