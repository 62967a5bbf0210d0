using System.ComponentModel.DataAnnotations;

namespace Hromada.Admin;

/// <summary>Admin API settings (section <c>Hromada:Admin</c>).</summary>
public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Hromada:Admin";

    /// <summary>On a first start with no keys, this becomes an Admin key named "bootstrap". Empty: one is generated and printed once.</summary>
    public string? BootstrapKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrEmpty(BootstrapKey) && BootstrapKey.Trim().Length < 16)
        {
            yield return new ValidationResult($"{Section}:BootstrapKey must be at least 16 characters long.", [nameof(BootstrapKey)]);
        }
    }
}
