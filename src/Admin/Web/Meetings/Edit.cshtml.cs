using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Meetings;
using Hromada.Core.Community;
using Hromada.Core.Meetings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hromada.Admin.Web.Meetings;

/// <summary>A recorded meeting: its form, the proposals decided at it, the extension made at it, and the protocol to download.</summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class EditModel(MeetingService meetings, CommunityClock clock, IOptions<WorkingGroupOptions> group) : MeetingPage(group)
{
    [BindProperty] public override MeetingForm Input { get; set; } = new();

    [TempData] public string? Note { get; set; }

    public MeetingDto Meeting { get; private set; } = null!;

    public CommunityClock Clock => clock;

    /// <summary>Someone else saved the meeting while this form was open.</summary>
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await meetings.GetAsync(id, ct) is not { } m)
        {
            return this.NotFoundPage("Такого засідання немає.");
        }
        Meeting = m;
        Input = MeetingForm.From(m);
        Input.AddSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await meetings.UpdateAsync(id, Input.ToInput(clock), User, ct);
            switch (result.Status)
            {
                case CommandStatus.Done:
                    Note = "Засідання збережено.";
                    return Redirect($"/admin/meetings/{id}");
                case CommandStatus.NotFound:
                    return this.NotFoundPage("Такого засідання немає.");
                case CommandStatus.Conflict:
                    Conflict = true;
                    break;
                default:
                    ShowErrors(result.Errors);
                    break;
            }
        }
        if (await meetings.GetAsync(id, ct) is not { } current)
        {
            return this.NotFoundPage("Такого засідання немає.");
        }
        Meeting = current;
        if (Conflict)
        {
            Input.Version = current.Version;
        }
        return Page();
    }
}
