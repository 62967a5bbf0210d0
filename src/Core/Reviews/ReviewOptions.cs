using System.ComponentModel.DataAnnotations;

namespace Hromada.Core.Reviews;

/// <summary>Review by the sectoral subgroups and executive bodies (section <c>Hromada:Review</c>).</summary>
public sealed class ReviewOptions
{
    public const string Section = "Hromada:Review";

    /// <summary>The due date the routing forms offer: this many working days after today.</summary>
    [Range(1, 120, ErrorMessage = "Hromada:Review:DueWorkingDays must be between 1 and 120.")]
    public int DueWorkingDays { get; set; } = 10;
}
