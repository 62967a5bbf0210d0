namespace Hromada.Admin.Commands;

/// <summary>One field's problem: in English and Ukrainian for the API's ProblemDetails (by Accept-Language), in Ukrainian for the web page.</summary>
public sealed record FieldError(string Field, string English, string Ukrainian);

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
    public Dictionary<string, string[]> ToApi() =>
        _errors.ToDictionary(e => e.Field, e => new[] { ApiLanguage.Pick(e.English, e.Ukrainian) }, StringComparer.Ordinal);
}
