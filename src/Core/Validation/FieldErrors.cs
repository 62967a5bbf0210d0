namespace Hromada.Core.Validation;

/// <summary>
/// The problems a check found with its input, by field (the API's field names). A rule states its message once, in
/// both languages, where it is checked: the API answers in the request's language (Admin's <c>ToApi</c>), the page
/// shows the Ukrainian beside the field. The one type every check, command and endpoint reports field problems with.
/// </summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<FieldError> All => _errors;

    /// <summary>Adds a field's problem; a later one for the same field replaces the earlier.</summary>
    public FieldErrors Add(string field, string english, string ukrainian) => Add(new FieldError(field, english, ukrainian));

    /// <summary>Adds a field's problem; a later one for the same field replaces the earlier.</summary>
    public FieldErrors Add(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _errors.RemoveAll(e => e.Field == error.Field);
        _errors.Add(error);
        return this;
    }

    /// <summary>Adds a further problem of a field, keeping those found before (a text too long for two channels).</summary>
    public FieldErrors AddAnother(string field, string english, string ukrainian) => AddAnother(new FieldError(field, english, ukrainian));

    /// <inheritdoc cref="AddAnother(string, string, string)"/>
    public FieldErrors AddAnother(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        _errors.Add(error);
        return this;
    }

    public bool Has(string field) => _errors.Exists(e => e.Field == field);

    /// <summary>The Ukrainian message for a field, or null.</summary>
    public string? Ukrainian(string field) => _errors.Find(e => e.Field == field)?.Ukrainian;

    /// <summary>
    /// Problems by field in one language, as a ValidationProblem carries them: a field with several keeps them all, in
    /// the order found.
    /// </summary>
    public Dictionary<string, string[]> ByField(bool english) =>
        _errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => english ? e.English : e.Ukrainian).ToArray(), StringComparer.Ordinal);
}
