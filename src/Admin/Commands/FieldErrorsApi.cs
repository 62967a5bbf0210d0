using Hromada.Core.Validation;

namespace Hromada.Admin.Commands;

/// <summary>Field problems in the API's answer.</summary>
public static class FieldErrorsApi
{
    /// <summary>What the API's ValidationProblem carries, in the request's language (<see cref="ApiLanguage"/>).</summary>
    public static Dictionary<string, string[]> ToApi(this FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.ByField(ApiLanguage.English);
    }
}
