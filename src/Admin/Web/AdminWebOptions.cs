using System.ComponentModel.DataAnnotations;

namespace Hromada.Admin.Web;

/// <summary>The working group's web page at <c>/admin</c> (section <c>Hromada:Admin:Web</c>).</summary>
public sealed class AdminWebOptions : IValidatableObject
{
    public const string Section = "Hromada:Admin:Web";

    /// <summary>How long a sign-in lasts, in hours, however busy the session: then the key is asked again.</summary>
    public int SessionHours { get; set; } = 8;

    /// <summary>Wrong keys one address may try at sign-in in a minute; past it the address is slowed, the right key still let in.</summary>
    public int SignInFailuresPerMinute { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SessionHours is < 1 or > 72)
        {
            yield return new ValidationResult(
                $"{Section}:SessionHours must be between 1 and 72 (it is {SessionHours}).", [nameof(SessionHours)]);
        }
        if (SignInFailuresPerMinute is < 1 or > 1000)
        {
            yield return new ValidationResult(
                $"{Section}:SignInFailuresPerMinute must be between 1 and 1000 (it is {SignInFailuresPerMinute}).", [nameof(SignInFailuresPerMinute)]);
        }
    }
}
