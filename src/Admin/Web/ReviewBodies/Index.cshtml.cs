using Hromada.Admin.Auth;
using Hromada.Admin.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.ReviewBodies;

/// <summary>The review bodies' contacts: where each is told of new proposals and reminded of due dates.</summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class IndexModel(ReviewBodyContacts contacts) : PageModel
{
    public sealed class ContactsForm
    {
        public string? Code { get; set; }
        public string? TelegramChat { get; set; }
        public string? Emails { get; set; }
    }

    [BindProperty]
    public ContactsForm Input { get; set; } = new();

    [TempData]
    public string? Note { get; set; }

    public IReadOnlyList<ReviewBodyContacts.BodyContacts> Bodies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Bodies = await contacts.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await contacts.SaveAsync(Input.Code ?? "", new ReviewBodyContacts.ContactsInput(Input.TelegramChat, [Input.Emails ?? ""]), User.ActorName(), ct);
        if (result.IsDone)
        {
            Note = $"Контакти органу «{result.Value!.Label}» збережено." + (result.Value.Reachable ? "" : " Без чату Telegram орган не отримуватиме повідомлень.");
            return Redirect("/admin/review-bodies");
        }
        if (result.Failure!.Errors is { } errors)
        {
            ModelState.AddCommandErrors(errors);
        }
        else
        {
            return NotFound();
        }
        Bodies = await contacts.ListAsync(ct);
        return Page();
    }

    public string? Error(string code, string key) =>
        Input.Code == code && ModelState.TryGetValue("Input." + key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
