using System.Net.Mail;

namespace Hromada.Core.Conversation;

/// <summary>Recognises a Ukrainian phone number (normalised to E.164) or an e-mail address in what a resident typed.</summary>
public static class ContactParser
{
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
