using Hromada.Admin.Auth;
using Hromada.Admin.Intake;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Intake;

/// <summary>Registering a proposal received on paper, by e-mail, at a reception, at the ЦНАП or from a Google Form.</summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class IndexModel(ManualIntake intake, WebCatalogs catalogs, CommunityClock clock, Core.Receipts.ReceiptLinks receipts) : PageModel, IShowsInputErrors
{
    public sealed class IntakeForm
    {
        public int? ConsultationId { get; set; }
        public Channel? Channel { get; set; }
        public DateTime? ReceivedAt { get; set; }
        public string? AuthorCategory { get; set; }
        public List<string> SocialGroups { get; set; } = [];
        public string? BusinessKind { get; set; }
        public string? Settlement { get; set; }
        [Core.Text.ResidentText]
        public string? UnlistedSettlement { get; set; }
        public string? Sphere { get; set; }
        public string? Topic { get; set; }
        [Core.Text.ResidentText]
        public string? Text { get; set; }
        [Core.Text.ResidentText]
        public string? AuthorName { get; set; }
        [Core.Text.ResidentText]
        public string? AuthorPhone { get; set; }
        [Core.Text.ResidentText]
        public string? AuthorEmail { get; set; }
    }

    [BindProperty]
    public IntakeForm Input { get; set; } = new();

    [TempData]
    public string? Note { get; set; }

    public WebCatalogs.Loaded Catalogs { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Catalogs = await catalogs.LoadAsync(ct);
        var now = clock.ToLocal(clock.UtcNow).DateTime;
        Input = new IntakeForm
        {
            ConsultationId = Catalogs.Consultations.Count > 0 ? Catalogs.Consultations[0].Id : null,
            Channel = Channel.Paper,
            ReceivedAt = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified),
        };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Catalogs = await catalogs.LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await intake.RegisterAsync(new ManualIntake.ManualProposalInput(
            Input.Channel, clock.FromLocal(Input.ReceivedAt), Input.ConsultationId, Blank(Input.AuthorCategory), Input.SocialGroups,
            Blank(Input.BusinessKind), Blank(Input.Settlement), Blank(Input.UnlistedSettlement), Blank(Input.Sphere), Blank(Input.Topic),
            Input.Text, Input.AuthorName, Input.AuthorPhone, Input.AuthorEmail), User, ct);
        if (!result.IsDone)
        {
            ModelState.AddCommandErrors(result.Errors);
            return Page();
        }
        var p = result.Value!;
        Note = $"Пропозицію зареєстровано під номером {p.Reference}" + (p.IsLate ? " (після строку)." : ".")
            + $" Посилання для автора (статус і рішення): {receipts.For(p.Reference, p.ReceiptCode)}"
            + (string.IsNullOrEmpty(p.AuthorEmail) ? "" : " — надіслано й на його e-mail, якщо пошту налаштовано.");
        return Redirect($"/admin/proposals/{p.Reference}");
    }

    public string? Error(string key) =>
        ModelState.TryGetValue("Input." + key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
