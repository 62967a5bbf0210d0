using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Letters;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Letters;

/// <summary>
/// A letter to a group: write it, choose who gets it (pasted addresses, the authors of a category, the subscribers of a
/// settlement), see how many will get it (and, for a list, what was not an address), then send. The page keeps nothing
/// between the two steps but the form itself.
/// </summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class IndexModel(LetterService letters, WebCatalogs catalogs, Hromada.Core.Community.CommunityClock clock) : PageModel
{
    public Hromada.Core.Community.CommunityClock Clock => clock;

    /// <summary>Who the letter goes to: the form's <see cref="LetterForm.Source"/>.</summary>
    public const string ToAddresses = "addresses", ToAuthors = "authors", ToSubscribers = "subscribers";

    /// <summary>The author categories and settlements the selects offer.</summary>
    public WebCatalogs.Loaded Catalogs { get; private set; } = null!;

    public sealed class LetterForm
    {
        public string? Subject { get; set; }
        public string? Body { get; set; }

        /// <summary><see cref="ToAddresses"/> (the list below), <see cref="ToAuthors"/> or <see cref="ToSubscribers"/>.</summary>
        [Hromada.Core.Text.TextLimit(20)]
        public string? Source { get; set; }

        [Hromada.Core.Text.TextLimit(100)]
        public string? AuthorCategory { get; set; }

        [Hromada.Core.Text.TextLimit(100)]
        public string? Settlement { get; set; }

        [Hromada.Core.Text.TextLimit(LetterService.AddressesMaxLength)]
        public string? Addresses { get; set; }

        /// <summary>The key of the preview shown: "Надіслати" sends only the letter that was previewed.</summary>
        public string? PreviewKey { get; set; }
    }

    [BindProperty]
    public LetterForm Input { get; set; } = new();

    [TempData]
    public string? Note { get; set; }

    /// <summary>Set after "Переглянути": the checked letter, with the button that sends it.</summary>
    public LetterService.LetterPreview? Preview { get; private set; }

    /// <summary>Set when sending was refused for a reason that is not one field's (e-mail off).</summary>
    public string? Problem { get; private set; }

    /// <summary>The latest letters with their delivery.</summary>
    public IReadOnlyList<LetterService.LetterReport> Sent { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Catalogs = await catalogs.LoadAsync(ct);
        Sent = await letters.ListAsync(20, ct);
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        var result = await letters.PreviewAsync(Letter(), ct);
        if (result.IsDone)
        {
            Preview = result.Value;
        }
        else
        {
            ModelState.AddCommandErrors(result.Errors);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSendAsync(CancellationToken ct)
    {
        var result = await letters.SendAsync(Letter(), User, ct);
        switch (result.Status)
        {
            case CommandStatus.Done:
                var sent = result.Value!;
                Note = sent.AnnouncementId is { } announcement
                    ? $"Лист передано до надсилання: {sent.Recipients} адресат(ів), оголошенням № {announcement}."
                    : $"Лист передано до надсилання: {sent.Recipients} адрес(и)"
                    + (sent.Duplicates > 0 ? $", повтори пропущено ({sent.Duplicates})" : "")
                    + (sent.Invalid.Count > 0 ? $", не адреси пропущено ({sent.Invalid.Count})" : "") + ".";
                return Redirect("/admin/letters");
            case CommandStatus.Conflict:
                Problem = result.Failure!.Title.English switch
                {
                    LetterService.ChangedSincePreview => "Тему, текст або адреси змінено після перегляду. Лист не надіслано: перегляньте його ще раз.",
                    LetterService.AlreadySent => "Цей самий лист цим самим адресатам щойно надіслано; вдруге його не надсилаємо.",
                    _ => "Електронну пошту не налаштовано (Hromada:Email:Host), тож листи нікому надіслати. Лист не надіслано.",
                };
                break;
            default:
                ModelState.AddCommandErrors(result.Errors);
                break;
        }
        await OnGetAsync(ct);
        return Page();
    }

    /// <summary>The source chosen; anything else is the pasted list.</summary>
    public string Source => Input.Source switch
    {
        ToAuthors => ToAuthors,
        ToSubscribers => ToSubscribers,
        _ => ToAddresses,
    };

    /// <summary>Only the chosen source's field goes to the service (the others stay in the form as typed).</summary>
    private LetterService.LetterInput Letter() => Source switch
    {
        ToAuthors => new(Input.Subject, Input.Body, null, Input.PreviewKey, AuthorCategory: Input.AuthorCategory ?? ""),
        ToSubscribers => new(Input.Subject, Input.Body, null, Input.PreviewKey, Settlement: Input.Settlement ?? ""),
        _ => new(Input.Subject, Input.Body, Input.Addresses, Input.PreviewKey),
    };

    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
