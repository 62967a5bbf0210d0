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
