using System.ComponentModel.DataAnnotations;

namespace Hromada.Admin;

/// <summary>Admin API settings (section <c>Hromada:Admin</c>).</summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Hromada:Admin";

    /// <summary>Shortest bootstrap key accepted: a hand-chosen key must not be guessable.</summary>
    public const int MinBootstrapKeyLength = 32;

    /// <summary>On a first start with no keys, this becomes an Admin key named "bootstrap". Empty: one is generated and written once to a file only the service's user can read.</summary>
    public string? BootstrapKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(BootstrapKey) && BootstrapKey.Trim().Length < MinBootstrapKeyLength)
        {
            yield return new ValidationResult(
                $"{Section}:BootstrapKey must be at least {MinBootstrapKeyLength} characters long (it is {BootstrapKey.Trim().Length}); a generated key has 43 random ones.",
                [nameof(BootstrapKey)]);
        }
    }
}
