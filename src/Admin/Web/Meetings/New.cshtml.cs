using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Meetings;
using Hromada.Core.Community;
using Hromada.Core.Meetings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Web.Meetings;

/// <summary>Recording a meeting: the form starts from the working group's settings and the two questions the procedure fixes.</summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class NewModel(MeetingService meetings, WebCatalogs catalogs, CommunityClock clock, IOptions<WorkingGroupOptions> group)
    : MeetingPage(group)
{
    [BindProperty] public override MeetingForm Input { get; set; } = new();

    [TempData] public string? Note { get; set; }

    public async Task<IActionResult> OnGetAsync(int? consultation, CancellationToken ct)
    {
        var loaded = await catalogs.LoadAsync(ct);
        var chosen = consultation ?? (loaded.Consultations.Count > 0 ? loaded.Consultations[0].Id : (int?)null);
        if (chosen is not { } id || loaded.Consultations.All(c => c.Id != id))
        {
            return this.NotFoundPage("Такої консультації немає.");
        }
        Input = MeetingForm.From(await meetings.DraftAsync(id, clock.Today, ct));
        Input.AddSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await meetings.CreateAsync(Input.ToInput(clock), User, ct);
            if (result.IsDone)
            {
                Note = "Засідання записано.";
                return Redirect($"/admin/meetings/{result.Value!.Id}");
            }
            if (result.Status == CommandStatus.NotFound)
            {
                return this.NotFoundPage("Такої консультації немає.");
            }
            ShowErrors(result.Errors);
        }
        return Page();
    }
}
