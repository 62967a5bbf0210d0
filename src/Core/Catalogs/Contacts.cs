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

    /// <summary>
    /// Whether <paramref name="value"/> is an e-mail address the e-mail sender will take: the same check as everywhere
    /// an address is entered (<see cref="Conversation.ContactParser.NormaliseEmail"/>), so a body whose address passes
    /// here is never silently skipped when it is told.
    /// </summary>
    public static bool IsEmail(string? value) => Conversation.ContactParser.NormaliseEmail(value) is not null;

    [GeneratedRegex(@"^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{4,31})$")]
    private static partial Regex TelegramChatPattern();
}
