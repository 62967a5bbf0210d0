using Hromada.Core.Conversation;
using Hromada.Core.Text;
using Hromada.Core.Validation;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Proposals;

/// <summary>
/// The rules every proposal's free-text fields meet, whichever way it arrives: the chat, manual intake and the Google
/// Forms import. Each check cleans the value first (<see cref="TextSanitiser.Clean"/>, then trims), so what is
/// stored never holds XML-invalid or bidirectional control characters, and returns the value to store or an error.
/// </summary>
/// <remarks>
/// The chat asks one question at a time and uses the single-field checks (<see cref="CheckText"/>,
/// <see cref="CheckName"/>, <see cref="CheckContact"/> …), mapping <see cref="ProposalFieldError.Code"/> to its own
/// texts; manual intake and the import check a whole proposal with <see cref="Check"/> and report
/// <see cref="ProposalInputCheck.Problems"/>, keyed by the field names of the admin API. <see cref="CheckText"/> and
/// <see cref="Check"/> read the configured text bounds, so they need the instance (a singleton in DI); the other checks
/// have fixed bounds and are static.
/// </remarks>
public sealed class ProposalInputRules(IOptions<ConversationOptions> options)
{
    /// <summary>Bounds of the author's name, in characters after cleaning and trimming.</summary>
    public const int NameMinLength = 2, NameMaxLength = 200;

    /// <summary>Bounds of a settlement name that is not in the catalog.</summary>
    public const int SettlementNameMinLength = 2, SettlementNameMaxLength = 100;

    /// <summary>Shortest proposal text (<c>Hromada:Conversation:ProposalMinLength</c>).</summary>
    public int TextMinLength => options.Value.ProposalMinLength;

    /// <summary>Longest proposal text (<c>Hromada:Conversation:ProposalMaxLength</c>).</summary>
    public int TextMaxLength => options.Value.ProposalMaxLength;

    /// <summary>The proposal text: required, between <see cref="TextMinLength"/> and <see cref="TextMaxLength"/> characters.</summary>
    public ProposalFieldCheck CheckText(string? text)
    {
        var value = CleanAndTrim(text);
        return value is null
            ? Fail(ProposalFieldErrorCode.Missing, "The proposal text may not be empty.")
            : Length(value, TextMinLength, TextMaxLength, "The proposal text");
    }

    /// <summary>The author's name: optional (null or blank gives a null value), else 2 to 200 characters.</summary>
    public static ProposalFieldCheck CheckName(string? name)
    {
        var value = CleanAndTrim(name);
        return value is null ? ProposalFieldCheck.Empty : Length(value, NameMinLength, NameMaxLength, "The name");
    }

    /// <summary>A phone number: optional, else a Ukrainian number, stored as +380XXXXXXXXX (<see cref="ContactParser.NormalisePhone"/>).</summary>
    public static ProposalFieldCheck CheckPhone(string? phone)
    {
        var value = CleanAndTrim(phone);
        if (value is null)
        {
            return ProposalFieldCheck.Empty;
        }
        return ContactParser.NormalisePhone(value) is { } normalised
            ? new ProposalFieldCheck(normalised, null)
            : Fail(ProposalFieldErrorCode.NotAPhone, "Not a Ukrainian phone number (+380XXXXXXXXX or 0XXXXXXXXX).");
    }

    /// <summary>An e-mail address: optional, else one plausible address (<see cref="ContactParser.NormaliseEmail"/>).</summary>
    public static ProposalFieldCheck CheckEmail(string? email)
    {
        var value = CleanAndTrim(email);
        if (value is null)
        {
            return ProposalFieldCheck.Empty;
        }
        return ContactParser.NormaliseEmail(value) is { } normalised
            ? new ProposalFieldCheck(normalised, null)
            : Fail(ProposalFieldErrorCode.NotAnEmail, "Not an e-mail address.");
    }

    /// <summary>
    /// What the chat asks for in one answer: a phone number or an e-mail address. The value is the normalised phone or
    /// address; <paramref name="isPhone"/> says which.
    /// </summary>
    public static ProposalFieldCheck CheckContact(string? contact, out bool isPhone)
    {
        isPhone = false;
        var value = CleanAndTrim(contact);
        if (value is null)
        {
            return ProposalFieldCheck.Empty;
        }
        if (ContactParser.NormalisePhone(value) is { } phone)
        {
            isPhone = true;
            return new ProposalFieldCheck(phone, null);
        }
        return ContactParser.NormaliseEmail(value) is { } email
            ? new ProposalFieldCheck(email, null)
            : Fail(ProposalFieldErrorCode.NotAContact, "Neither a Ukrainian phone number nor an e-mail address.");
    }

    /// <summary>A settlement name that is not in the catalog: optional, else 2 to 100 characters.</summary>
    public static ProposalFieldCheck CheckSettlementName(string? name)
    {
        var value = CleanAndTrim(name);
        return value is null ? ProposalFieldCheck.Empty : Length(value, SettlementNameMinLength, SettlementNameMaxLength, "The settlement name");
    }

    /// <summary>
    /// Checks a whole proposal's free-text fields. <see cref="ProposalInputCheck.Value"/> holds the values to store
    /// (cleaned, trimmed, normalised; blanks as null) when <see cref="ProposalInputCheck.IsValid"/>.
    /// </summary>
    public ProposalInputCheck Check(ProposalInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new FieldErrors();
        string? Take(string field, ProposalFieldCheck check)
        {
            if (check.Error is { } error)
            {
                errors.Add(field, error.Message, Ukrainian(field, error));
            }
            return check.Value;
        }

        var cleaned = new ProposalInput(
            Take(ProposalInput.Fields.Text, CheckText(input.Text)),
            Take(ProposalInput.Fields.AuthorName, CheckName(input.AuthorName)),
            Take(ProposalInput.Fields.AuthorPhone, CheckPhone(input.AuthorPhone)),
            Take(ProposalInput.Fields.AuthorEmail, CheckEmail(input.AuthorEmail)),
            Take(ProposalInput.Fields.UnlistedSettlement, CheckSettlementName(input.UnlistedSettlement)));
        return new ProposalInputCheck(cleaned, errors);
    }

    /// <summary>A field's error as the secretary's page says it (the chat has its own texts by <see cref="ProposalFieldError.Code"/>).</summary>
    private string Ukrainian(string field, ProposalFieldError error) => field switch
    {
        ProposalInput.Fields.Text => error.Code == ProposalFieldErrorCode.Missing
            ? "Введіть текст пропозиції."
            : $"Текст пропозиції — від {TextMinLength} до {TextMaxLength} символів.",
        ProposalInput.Fields.AuthorName => $"Імʼя — від {NameMinLength} до {NameMaxLength} символів.",
        ProposalInput.Fields.AuthorPhone => "Це не український номер телефону: +380XXXXXXXXX або 0XXXXXXXXX.",
        ProposalInput.Fields.AuthorEmail => "Це не адреса електронної пошти.",
        ProposalInput.Fields.UnlistedSettlement =>
            $"Назва населеного пункту — від {SettlementNameMinLength} до {SettlementNameMaxLength} символів.",
        _ => "Перевірте це поле.",
    };

    /// <summary>Cleans and trims; blank becomes null.</summary>
    public static string? CleanAndTrim(string? value) =>
        TextSanitiser.Clean(value)?.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private static ProposalFieldCheck Length(string value, int min, int max, string what) => value.Length switch
    {
        var n when n < min => Fail(ProposalFieldErrorCode.TooShort, $"{what} is {n} characters long; at least {min} are needed."),
        var n when n > max => Fail(ProposalFieldErrorCode.TooLong, $"{what} is {n} characters long; at most {max} are allowed."),
        _ => new ProposalFieldCheck(value, null),
    };

    private static ProposalFieldCheck Fail(ProposalFieldErrorCode code, string message) => new(null, new ProposalFieldError(code, message));
}

/// <summary>A proposal's free-text fields, as given or as cleaned by <see cref="ProposalInputRules.Check"/>.</summary>
public sealed record ProposalInput(
    string? Text, string? AuthorName = null, string? AuthorPhone = null, string? AuthorEmail = null, string? UnlistedSettlement = null)
{
    /// <summary>The field names errors are reported under (those of the admin API's manual intake).</summary>
    public static class Fields
    {
        public const string Text = "text";
        public const string AuthorName = "authorName";
        public const string AuthorPhone = "authorPhone";
        public const string AuthorEmail = "authorEmail";
        public const string UnlistedSettlement = "unlistedSettlement";
    }
}

/// <summary>The outcome of <see cref="ProposalInputRules.Check"/>: the values to store and the problems by field.</summary>
public sealed record ProposalInputCheck(ProposalInput Value, FieldErrors Problems)
{
    public bool IsValid => !Problems.Any;

    /// <summary>The English messages by field.</summary>
    public Dictionary<string, string[]> Errors => Problems.ByField(english: true);
}

/// <summary>One field's outcome: the value to store (null when absent) or an error.</summary>
public readonly record struct ProposalFieldCheck(string? Value, ProposalFieldError? Error)
{
    /// <summary>An optional field left blank.</summary>
    public static ProposalFieldCheck Empty => new(null, null);

    public bool IsValid => Error is null;
}

/// <summary>Why a field was refused: a code to choose a resident's text by, and an English message for the admin API.</summary>
public sealed record ProposalFieldError(ProposalFieldErrorCode Code, string Message);

/// <summary>Why a field was refused.</summary>
public enum ProposalFieldErrorCode
{
    Missing,
    TooShort,
    TooLong,
    NotAPhone,
    NotAnEmail,
    NotAContact,
}
