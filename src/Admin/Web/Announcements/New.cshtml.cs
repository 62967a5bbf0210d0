using Hromada.Admin.Auth;
using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Announcements;

/// <summary>Composing an announcement: the text, where it goes, and when — a moment or a working-day rule.</summary>
[Authorize(Policy = AdminPolicies.Web.Communications)]
public sealed class NewModel(AnnouncementService announcements, AnnouncementPages pages, CommunityClock clock) : PageModel, IShowsInputErrors
{
    [BindProperty]
    public AnnouncementForm Input { get; set; } = new();

    [TempData]
    public string? Note { get; set; }

    public IReadOnlyList<AnnouncementPages.Target> Targets { get; private set; } = [];

    public void OnGet()
    {
        Targets = pages.Targets();
        var tomorrow = clock.Today.AddDays(1);
        Input = new AnnouncementForm
        {
            SendAt = tomorrow.ToDateTime(new TimeOnly(10, 0)),
            RuleTime = "10:00",
            // Nothing ticked in advance: an officer who ticks only the feed sends only to the feed.
            Targets = [],
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Targets = pages.Targets();
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await announcements.CreateAsync(Input.ToInput(clock), User.ActorName(), ct);
        if (result.Errors is { } errors)
        {
            AnnouncementForm.AddErrors(ModelState, errors);
            return Page();
        }
        var a = result.Announcement!;
        Note = $"Заплановано на {WebText.Local(a.SendAt, clock)}" + (a.Rule is { } rule ? $" ({AnnouncementText.Rule(rule)})." : ".");
        return Redirect($"/admin/announcements/{a.Id}");
    }
}
