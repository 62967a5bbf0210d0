namespace Hromada.Core.Validation;

/// <summary>
/// One field's problem in English and Ukrainian: the API answers in the request's language, the web page shows the
/// Ukrainian beside the field. Core's checks state each message once, in both languages, where they check.
/// </summary>
public sealed record FieldError(string Field, string English, string Ukrainian);
