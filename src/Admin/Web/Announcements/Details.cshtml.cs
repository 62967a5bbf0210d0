using Hromada.Admin.Announcements;
using Hromada.Admin.Auth;
using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Announcements;

/// <summary>One announcement: when it goes (the resolved time), where, its text; edit or cancel it while scheduled; the delivery report.</summary>
[Authorize(Policy = AdminPolicies.Web.Communications)]
public sealed class DetailsModel(AnnouncementService announcements, AnnouncementPages pages, AnnouncementCards cards, CommunityClock clock) : PageModel, IShowsInputErrors
{
    [BindProperty]
    public AnnouncementForm Input { get; set; } = new();

    [TempData]
    public string? Note { get; set; }

    public Announcement Announcement { get; private set; } = null!;
    public string? Preview { get; private set; }
    public DeliveryReportDto? Report { get; private set; }
    public IReadOnlyList<AnnouncementPages.Target> Targets { get; private set; } = [];
    public CommunityClock Clock => clock;

    /// <summary>Why the user's change was not made: it is sending or sent, or someone changed it meanwhile.</summary>
    public string? Conflict { get; private set; }

    public bool Posted { get; private set; }

    /// <summary>What the card says, for the preview's alternative text.</summary>
    public string CardHeadline { get; private set; } = "";

    public bool ForInstagram => Announcement.Targets.Any(t => AnnouncementTargets.HasCard(t.Target));

    /// <summary>
    /// The chosen targets other than Instagram whose posts carry the card too (the Facebook Page's and the Telegram
    /// channel's when <c>Hromada:Announcements:CardWithPosts</c> is on), as the page names them.
    /// </summary>
    public IReadOnlyList<string> CardAlsoWith => Announcement.Targets
        .Select(t => t.Target)
        .Where(t => !AnnouncementTargets.HasCard(t) && cards.GoesWith(t))
        .Distinct()
        .Select(AnnouncementTargets.Label)
        .ToList();

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await ShowAsync(id, ct);

    /// <summary>The card as Instagram gets it: shown on the page, or downloaded to post by hand.</summary>
    public async Task<IActionResult> OnGetCardAsync(long id, bool download, CancellationToken ct)
    {
        if (await pages.GetAsync(id, ct) is not { } a)
        {
            return this.NotFoundPage($"Оголошення {id} немає.");
        }
        var jpeg = await cards.RenderAsync(a, ct);
        return download ? File(jpeg, AnnouncementCards.ContentType, AnnouncementCards.FileName(a)) : File(jpeg, AnnouncementCards.ContentType);
    }

    public async Task<IActionResult> OnPostEditAsync(long id, CancellationToken ct)
    {
        Posted = true;
        if (ModelState.IsValid)
        {
            var result = await announcements.EditAsync(id, Input.ToInput(clock), User.ActorName(), ct);
            if (result.NotFound)
            {
                return this.NotFoundPage($"Оголошення {id} немає.");
            }
            if (result.Errors is { } errors)
            {
                AnnouncementForm.AddErrors(ModelState, errors);
            }
            else if (result.Conflict is not null)
            {
                Conflict = ConflictText(result.Announcement);
            }
            else
            {
                var a = result.Announcement!;
                Note = $"Зміни збережено. Надсилання: {WebText.Local(a.SendAt, clock)}" + (a.Rule is { } rule ? $" ({AnnouncementText.Rule(rule)})." : ".");
                return Redirect($"/admin/announcements/{id}");
            }
        }
        return await ShowAsync(id, ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(long id, CancellationToken ct)
    {
        var result = await announcements.CancelAsync(id, User.ActorName(), ct);
        if (result.NotFound)
        {
            return this.NotFoundPage($"Оголошення {id} немає.");
        }
        if (result.Conflict is not null)
        {
            Conflict = ConflictText(result.Announcement);
            return await ShowAsync(id, ct);
        }
        Note = "Оголошення скасовано: його не буде надіслано.";
        return Redirect($"/admin/announcements/{id}");
    }

    private async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        if (await pages.GetAsync(id, ct) is not { } a)
        {
            return this.NotFoundPage($"Оголошення {id} немає.");
        }
        Announcement = a;
        Targets = pages.Targets();
        Preview = await pages.PreviewAsync(a, ct);
        CardHeadline = (await cards.ContentAsync(a, ct)).Headline;
        Report = a.Status is AnnouncementStatus.Sending or AnnouncementStatus.Sent ? await pages.ReportAsync(a, ct) : null;
        if (!Posted)
        {
            Input = AnnouncementForm.From(a, clock);
        }
        else
        {
            // Sent again, the form overwrites nothing it did not see.
            Input.Version = a.Version;
        }
        return Page();
    }

    private static string ConflictText(Announcement? now) => now?.Status switch
    {
        AnnouncementStatus.Sending => "Оголошення вже надсилається — змінити чи скасувати його не можна.",
        AnnouncementStatus.Sent => "Оголошення вже надіслано — змінити чи скасувати його не можна.",
        AnnouncementStatus.Cancelled => "Оголошення вже скасовано.",
        _ => "Поки ви редагували, оголошення змінив хтось інший. Нижче — ваш варіант; перевірте поточний і надішліть ще раз.",
    };
}
