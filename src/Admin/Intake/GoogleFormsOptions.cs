namespace Hromada.Admin.Intake;

/// <summary>
/// Which column of a Google Forms CSV export holds which answer (section <c>Hromada:Admin:GoogleForms:Columns</c>),
/// by the exact header text of the form's question.
/// </summary>
public sealed class GoogleFormsOptions
{
    public const string Section = "Hromada:Admin:GoogleForms";

    public GoogleFormsColumns Columns { get; set; } = new();
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
