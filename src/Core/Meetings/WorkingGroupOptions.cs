using Microsoft.Extensions.Options;

namespace Hromada.Core.Meetings;

/// <summary>
/// The working group (section <c>Hromada:WorkingGroup</c>): who sits on it and where it meets, which the meeting form
/// starts from, and the measures to reach under-represented groups that a meeting can decide (the procedure's annex 2).
/// </summary>
public sealed class WorkingGroupOptions
{
    public const string Section = "Hromada:WorkingGroup";

    /// <summary>Who chairs the meetings, as the protocol's signature shows it.</summary>
    public string Chair { get; set; } = "";

    /// <summary>The secretary, as the protocol's signature shows it.</summary>
    public string Secretary { get; set; } = "";

    /// <summary>The members, as the protocol lists them ("Прізвище Ім'я — посада"); a new meeting starts with all present.</summary>
    public List<string> Members { get; set; } = [];

    /// <summary>Where the meetings usually take place.</summary>
    public string MeetingPlace { get; set; } = "";

    /// <summary>The measures a meeting can decide when the proposals are not enough.</summary>
    public List<MeasureOption> Measures { get; set; } = [];

    /// <summary>Telegram chats (numeric ids, or @name) of the secretary and the group, told when a review's due date passes and sent the weekly summary.</summary>
    public List<string> TelegramChats { get; set; } = [];

    /// <summary>E-mail addresses of the secretary and the group, for the same notices.</summary>
    public List<string> Emails { get; set; } = [];
}

/// <summary>A measure to reach more people: a stable code and how the protocol words it.</summary>
public sealed class MeasureOption
{
    public string Code { get; set; } = "";
    public string Label { get; set; } = "";
}

internal sealed class WorkingGroupOptionsValidator : IValidateOptions<WorkingGroupOptions>
{
    public ValidateOptionsResult Validate(string? name, WorkingGroupOptions options)
    {
        var s = WorkingGroupOptions.Section;
        var failures = new List<string>();
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Measures.Count; i++)
        {
            var m = options.Measures[i];
            if (string.IsNullOrWhiteSpace(m.Code) || m.Code.Contains(',', StringComparison.Ordinal))
            {
                failures.Add($"{s}:Measures:{i}: Code is required and may not contain a comma.");
            }
            else if (!codes.Add(m.Code.Trim()))
            {
                failures.Add($"{s}:Measures:{i}: the code '{m.Code}' is used twice.");
            }
            if (string.IsNullOrWhiteSpace(m.Label))
            {
                failures.Add($"{s}:Measures:{i} ('{m.Code}'): Label is required.");
            }
        }
        for (var i = 0; i < options.Members.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.Members[i]))
            {
                failures.Add($"{s}:Members:{i} is empty.");
            }
        }
        for (var i = 0; i < options.TelegramChats.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(options.TelegramChats[i]) || Catalogs.Contacts.TelegramChatError(options.TelegramChats[i]) is not null)
            {
                failures.Add($"{s}:TelegramChats:{i}: " + (Catalogs.Contacts.TelegramChatError(options.TelegramChats[i]) ?? "is empty."));
            }
        }
        for (var i = 0; i < options.Emails.Count; i++)
        {
            if (!Catalogs.Contacts.IsEmail(options.Emails[i]))
            {
                failures.Add($"{s}:Emails:{i}: '{options.Emails[i]}' is not an e-mail address.");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
