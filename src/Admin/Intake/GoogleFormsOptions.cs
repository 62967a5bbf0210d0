using Microsoft.Extensions.Options;

namespace Hromada.Admin.Intake;

/// <summary>
/// Which column of a Google Forms CSV export holds which answer (section <c>Hromada:Admin:GoogleForms:Columns</c>),
/// by the exact header text of the form's question.
/// </summary>
public sealed class GoogleFormsOptions
{
    public const string Section = "Hromada:Admin:GoogleForms";

    public GoogleFormsColumns Columns { get; set; } = new();

    /// <summary>
    /// The most answer rows one file may have; a larger file is refused at the first row past it, before the rest is
    /// read (the whole import is one transaction, which holds up the chat's writes while it is stored). The rows read are
    /// kept in memory until they are stored, about 0.4 KB each (measured: +15 MB for 20,000 rows, +121 MB for 300,000),
    /// hence the cap of 200,000.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 200_000)]
    public int MaxRows { get; set; } = 20_000;
}

public sealed class GoogleFormsColumns
{
    public string Timestamp { get; set; } = "Позначка часу";
    public string Text { get; set; } = "Ваша пропозиція";
    public string Sphere { get; set; } = "Сфера";
    public string? Topic { get; set; } = "Тема";
    public string? Settlement { get; set; } = "Населений пункт";
    public string AuthorCategory { get; set; } = "Категорія автора";
    public string? SocialGroups { get; set; } = "Соціальна група";
    public string? Name { get; set; } = "Прізвище, імʼя, по батькові";
    public string? Phone { get; set; } = "Телефон";
    public string? Email { get; set; } = "Електронна пошта";
}

/// <summary>
/// Checks at start-up what the import needs of the column names: the required questions named, no header given to
/// two answers (a typo here would otherwise show only when a file is imported, as every row refused).
/// </summary>
internal sealed class GoogleFormsOptionsValidator : IValidateOptions<GoogleFormsOptions>
{
    public ValidateOptionsResult Validate(string? name, GoogleFormsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var path = $"{GoogleFormsOptions.Section}:{nameof(GoogleFormsOptions.Columns)}";
        var c = options.Columns;
        if (c is null)
        {
            return ValidateOptionsResult.Fail($"{path}: missing; it names the form's questions by their header text.");
        }
        var failures = new List<string>();
        (string Setting, string? Header, bool Required)[] columns =
        [
            (nameof(c.Timestamp), c.Timestamp, true), (nameof(c.Text), c.Text, true), (nameof(c.Sphere), c.Sphere, true),
            (nameof(c.AuthorCategory), c.AuthorCategory, true), (nameof(c.Topic), c.Topic, false), (nameof(c.Settlement), c.Settlement, false),
            (nameof(c.SocialGroups), c.SocialGroups, false), (nameof(c.Name), c.Name, false), (nameof(c.Phone), c.Phone, false),
            (nameof(c.Email), c.Email, false),
        ];
        failures.AddRange(columns.Where(x => x.Required && string.IsNullOrWhiteSpace(x.Header))
            .Select(x => $"{path}:{x.Setting}: empty; it must be the header of the form's question (the import cannot do without it)."));
        failures.AddRange(columns.Where(x => !string.IsNullOrWhiteSpace(x.Header))
            .GroupBy(x => x.Header!.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"{path}: '{g.Key}' is given to {string.Join(" and ", g.Select(x => x.Setting))}; each answer needs its own column."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
