using System.Text.RegularExpressions;

namespace Hromada.Core.Catalogs;

/// <summary>Checks the contacts a review body or the working group is told at: a Telegram chat and e-mail addresses.</summary>
public static partial class Contacts
{
    /// <summary>Null when <paramref name="chat"/> is empty or a Telegram chat (a numeric id or @name); otherwise why not.</summary>
    public static string? TelegramChatError(string? chat) =>
        string.IsNullOrWhiteSpace(chat) || TelegramChatPattern().IsMatch(chat.Trim())
            ? null
            : $"'{chat}' is not a Telegram chat: write its numeric id (a group's is negative, e.g. -1001234567890) or @name of a channel.";

    public static bool IsEmail(string? value) => value is not null && EmailPattern().IsMatch(value.Trim());

    [GeneratedRegex(@"^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$")]
    private static partial Regex TelegramChatPattern();

    [GeneratedRegex(@"^[^@\s,;<>]+@[^@\s,;<>]+\.[^@\s,;<>]+$")]
    private static partial Regex EmailPattern();
}
