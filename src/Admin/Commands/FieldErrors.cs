using Hromada.Core.Text;

namespace Hromada.Admin.Commands;

/// <summary>
/// The problems a command found with its input, by field (the API's field names). A rule states its message once, in
/// both languages, where it is checked: the API answers in the request's language, the page shows the Ukrainian beside the field.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<FieldError> All => _errors;

    /// <summary>Adds a field's problem; a later one for the same field replaces the earlier.</summary>
    public FieldErrors Add(string field, string english, string ukrainian)
    {
        _errors.RemoveAll(e => e.Field == field);
        _errors.Add(new FieldError(field, english, ukrainian));
        return this;
    }

    public bool Has(string field) => _errors.Exists(e => e.Field == field);

    /// <summary>The Ukrainian message for a field, or null.</summary>
    public string? Ukrainian(string field) => _errors.Find(e => e.Field == field)?.Ukrainian;

    /// <summary>What the API's ValidationProblem carries, in the request's language (<see cref="ApiLanguage"/>).</summary>
    public Dictionary<string, string[]> ToApi() => ToApi(_errors);

    /// <summary>Problems by field in the request's language; a field with several keeps them all, in order.</summary>
    public static Dictionary<string, string[]> ToApi(IEnumerable<FieldError> errors) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => ApiLanguage.Pick(e.English, e.Ukrainian)).ToArray(), StringComparer.Ordinal);
}
