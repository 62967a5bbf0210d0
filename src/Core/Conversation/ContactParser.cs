using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Hromada.Core.Conversation;

/// <summary>What one message of a resident said about who they are: a name, a phone, an e-mail — any of them may be missing.</summary>
public sealed record ContactParts(string? Name, string? Phone, string? Email)
{
    /// <summary>True when the message held something that looks like a phone or an address but is neither.</summary>
    public bool Unreadable { get; init; }
}

/// <summary>Recognises a Ukrainian phone number (normalised to E.164) or an e-mail address in what a resident typed.</summary>
public static partial class ContactParser
{
    /// <summary>
    /// Splits "Олена Петренко, 067 123 45 67" (or "olena@example.com Олена", or only one of them) into a name, a
    /// phone and an e-mail. What remains after the phone and the address is the name; a remainder with several digits
    /// or an '@' means a contact was meant but could not be read.
    /// </summary>
    public static ContactParts Parse(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var rest = input;
        string? email = null;
        string? phone = null;
        foreach (var match in EmailLike().Matches(rest).Cast<Match>())
        {
            if (email is null && NormaliseEmail(match.Value.TrimEnd('.', ',', ';')) is { } found)
            {
                email = found;
                rest = rest.Replace(match.Value, " ", StringComparison.Ordinal);
            }
        }
        foreach (var match in PhoneLike().Matches(rest).Cast<Match>())
        {
            if (phone is null && NormalisePhone(match.Value) is { } found)
            {
                phone = found;
                rest = rest.Replace(match.Value, " ", StringComparison.Ordinal);
            }
        }
        var name = rest.Trim().Trim(',', ';', ':', '-', '–', '—', '.', ' ').Trim();
        var unreadable = name.Contains('@', StringComparison.Ordinal) || name.Count(char.IsAsciiDigit) >= 5;
        return new ContactParts(name.Length == 0 || unreadable ? null : string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)), phone, email)
        {
            Unreadable = unreadable,
        };
    }

    [GeneratedRegex(@"\S+@\S+")]
    private static partial Regex EmailLike();

    [GeneratedRegex(@"\+?[\d(][\d\s\-()]{7,}\d")]
    private static partial Regex PhoneLike();

    /// <summary>+380XXXXXXXXX for +380…, 380… or 0… forms with spaces, dashes or brackets; null otherwise.</summary>
    public static string? NormalisePhone(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var trimmed = input.Trim();
        if (trimmed.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')) || trimmed.LastIndexOf('+') > 0)
        {
            return null;
        }
        var digits = new string(trimmed.Where(char.IsAsciiDigit).ToArray());
        var national = digits switch
        {
            { Length: 12 } when digits.StartsWith("380", StringComparison.Ordinal) => digits[3..],
            { Length: 10 } when digits.StartsWith('0') && !trimmed.StartsWith('+') => digits[1..],
            _ => null,
        };
        return national is { Length: 9 } && national[0] != '0' ? "+380" + national : null;
    }

    /// <summary>The address when <paramref name="input"/> is one plausible e-mail address; null otherwise.</summary>
    public static string? NormaliseEmail(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return null;
        }
        var trimmed = input.Trim();
        if (trimmed.Length > 254 || trimmed.Contains(' ', StringComparison.Ordinal) || !MailAddress.TryCreate(trimmed, out var address)
            || address.Address != trimmed || !address.Host.Contains('.', StringComparison.Ordinal) || address.Host.EndsWith('.'))
        {
            return null;
        }
        return trimmed;
    }
}
