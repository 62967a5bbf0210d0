using System.ComponentModel.DataAnnotations;

namespace Hromada.Core.Consultations;

/// <summary>The first consultation, created on an empty database (section <c>Hromada:Consultation</c>).</summary>
internal sealed class ConsultationOptions : IValidatableObject
{
    public const string Section = "Hromada:Consultation";

    [Required(AllowEmptyStrings = false)]
    public string Title { get; set; } = "";

    /// <summary>When collection opens; empty means at the first start.</summary>
    public DateTimeOffset? OpensAt { get; set; }

    /// <summary>A fixed deadline; set this or <see cref="DurationDays"/>.</summary>
    public DateTimeOffset? Deadline { get; set; }

    /// <summary>Days from the opening to the deadline when no fixed deadline is set.</summary>
    public int? DurationDays { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Deadline is null && DurationDays is null)
        {
            yield return new ValidationResult($"{Section}: set either Deadline or DurationDays.", [nameof(Deadline)]);
        }
        if (Deadline is not null && DurationDays is not null)
        {
            yield return new ValidationResult($"{Section}: set Deadline or DurationDays, not both.", [nameof(Deadline)]);
        }
        if (DurationDays is < 1 or > 366)
        {
            yield return new ValidationResult($"{Section}:DurationDays must be between 1 and 366.", [nameof(DurationDays)]);
        }
        if (Deadline is not null && OpensAt is not null && Deadline <= OpensAt)
        {
            yield return new ValidationResult($"{Section}:Deadline must be after OpensAt.", [nameof(Deadline)]);
        }
    }
}
