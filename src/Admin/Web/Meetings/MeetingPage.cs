using Hromada.Admin.Commands;
using Hromada.Core.Meetings;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Web.Meetings;

/// <summary>What the new and the edit page share: the form, its errors, the configured measures.</summary>
public abstract class MeetingPage(IOptions<WorkingGroupOptions> group) : PageModel, IShowsInputErrors
{
    public abstract MeetingForm Input { get; set; }

    public IReadOnlyList<MeasureOption> MeasureOptions => group.Value.Measures;

    /// <summary>The first error of a field (by its form name under <c>Input.</c>), for showing beside it.</summary>
    public string? Error(string key) =>
        ModelState.TryGetValue("Input." + key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    protected void ShowErrors(FieldErrors errors) => ModelState.AddCommandErrors(errors, "Input", MeetingForm.ErrorNames);
}
