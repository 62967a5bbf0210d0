using Microsoft.Extensions.Options;

namespace Hromada.Core.Participation;

/// <summary>
/// The participation figures' targets (section <c>Hromada:Participation</c>), shown beside the measured values. The
/// defaults are the IT strategy's: half of the proposals electronic, 500 active users, a news reach of 3,000–5,000.
/// </summary>
public sealed class ParticipationOptions
{
    public const string Section = "Hromada:Participation";

    /// <summary>The share of proposals that should arrive electronically, in percent (0–100).</summary>
    public double ElectronicSharePercent { get; set; } = 50;

    /// <summary>Distinct residents who should write to the bot in a consultation.</summary>
    public int ActiveUsers { get; set; } = 500;

    /// <summary>The lower end of the news reach sought (distinct subscribers an announcement reached).</summary>
    public int ReachMin { get; set; } = 3000;

    /// <summary>The upper end of the news reach sought; equal to <see cref="ReachMin"/> for a single figure.</summary>
    public int ReachMax { get; set; } = 5000;

    /// <summary>How often the day's writers are rolled up from the inbox (well under the inbox's retention).</summary>
    public TimeSpan RollupInterval { get; set; } = TimeSpan.FromHours(1);
}

internal sealed class ParticipationOptionsValidator : IValidateOptions<ParticipationOptions>
{
    public ValidateOptionsResult Validate(string? name, ParticipationOptions o)
    {
        var s = ParticipationOptions.Section;
        var failures = new List<string>();
        if (o.ElectronicSharePercent is < 0 or > 100 || double.IsNaN(o.ElectronicSharePercent))
        {
            failures.Add($"{s}:ElectronicSharePercent must be between 0 and 100 (it is {o.ElectronicSharePercent}).");
        }
        if (o.ActiveUsers < 0)
        {
            failures.Add($"{s}:ActiveUsers may not be negative (it is {o.ActiveUsers}).");
        }
        if (o.ReachMin < 0 || o.ReachMax < o.ReachMin)
        {
            failures.Add($"{s}:ReachMin must be 0 or more and ReachMax at least ReachMin (they are {o.ReachMin} and {o.ReachMax}).");
        }
        if (o.RollupInterval < TimeSpan.FromMinutes(1) || o.RollupInterval > TimeSpan.FromDays(1))
        {
            failures.Add($"{s}:RollupInterval must be between 00:01:00 and 1.00:00:00 (it is {o.RollupInterval}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
