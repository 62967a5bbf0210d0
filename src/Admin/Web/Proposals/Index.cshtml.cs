using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Proposals;
using Hromada.Admin.Reviews;
using Hromada.Core.Community;
using Hromada.Core.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Proposals;

/// <summary>
/// The proposals list: every filter of the API, full-text search, sorting, paging, the export buttons, and the bulk
/// routing of the selected proposals (or on to deciding them, each with its own justification).
/// </summary>
[Authorize(Policy = AdminPolicies.Web.Review)]
public sealed class IndexModel(
    ProposalReader reader, ReviewService reviews, SphereRouting routing, ReviewDueDates dueDates, WebCatalogs catalogs, CommunityClock clock) : PageModel, IShowsInputErrors
{
    public sealed class BulkRouteForm
    {
        public List<string> Selected { get; set; } = [];
        public List<string> ReviewBodies { get; set; } = [];
        public DateOnly? DueDate { get; set; }
    }

    public ProposalFilter Filter { get; private set; } = new();
    public string? Sort { get; private set; }
    public int PageSize { get; private set; } = ProposalReader.DefaultPageSize;
    public PageDto<ProposalSummaryDto>? Result { get; private set; }
    public WebCatalogs.Loaded Catalogs { get; private set; } = null!;
    public CommunityClock Clock => clock;

    [BindProperty]
    public BulkRouteForm Bulk { get; set; } = new();

    [TempData]
    public string? Note { get; set; }

    /// <summary>Set when the bodies were ticked by the selected proposals' spheres: what the page says about it.</summary>
    public string? Suggestion { get; private set; }

    public int Pages => Result is null ? 0 : Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    // From the query only: "page" is also the route value naming this Razor page.
    public async Task OnGetAsync([FromQuery] ProposalFilter filter, [FromQuery] string? sort, [FromQuery] int? page, [FromQuery] int? pageSize, CancellationToken ct)
    {
        Bulk.DueDate = dueDates.Default;
        await LoadAsync(filter, sort, page, pageSize, ct);
    }

    /// <summary>Ticks the review bodies whose spheres match the selected proposals', keeping the selection; saves nothing.</summary>
    public async Task<IActionResult> OnPostSuggestAsync([FromQuery] ProposalFilter filter, [FromQuery] string? sort, [FromQuery] int? page,
        [FromQuery] int? pageSize, CancellationToken ct)
    {
        if (!User.May(AdminPolicies.WorkingGroup))
        {
            return Forbid();
        }
        ModelState.Clear();
        var suggested = await routing.SuggestForAsync(Bulk.Selected, ct);
        Bulk.ReviewBodies = suggested.Select(b => b.Code).ToList();
        Bulk.DueDate ??= dueDates.Default;
        Suggestion = Bulk.Selected.Count == 0 ? "Спершу виберіть пропозиції."
            : suggested.Count == 0 ? "Жоден орган розгляду не розглядає сфери вибраних пропозицій: оберіть органи самі."
            : $"Позначено органи, що розглядають сфери вибраних пропозицій ({suggested.Count}). Перевірте й передайте.";
        await LoadAsync(filter, sort, page, pageSize, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRouteAsync([FromQuery] ProposalFilter filter, [FromQuery] string? sort, [FromQuery] int? page,
        [FromQuery] int? pageSize, CancellationToken ct)
    {
        if (!User.May(AdminPolicies.WorkingGroup))
        {
            return Forbid();
        }
        if (ModelState.IsValid)
        {
            var result = await reviews.RouteManyAsync(new ReviewService.BulkRouteInput(Bulk.Selected, Bulk.ReviewBodies, Bulk.DueDate), User, ct);
            if (result.IsDone)
            {
                Note = WebNotes.Bulk("Передано на розгляд", result.Value!);
                return Redirect(WebQuery.With(Request, "/admin/proposals"));
            }
            ModelState.AddCommandErrors(result.Errors, "Bulk", new Dictionary<string, string> { ["references"] = "Selected" });
        }
        await LoadAsync(filter, sort, page, pageSize, ct);
        return Page();
    }

    /// <summary>On to the bulk decision page with the selected proposals.</summary>
    public IActionResult OnPostDecide()
    {
        if (!User.May(AdminPolicies.WorkingGroup))
        {
            return Forbid();
        }
        if (Bulk.Selected.Count == 0)
        {
            Note = "Спершу виберіть пропозиції, щодо яких ухвалюється рішення.";
            return Redirect(WebQuery.With(Request, "/admin/proposals"));
        }
        return Redirect(Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/admin/proposals/decide",
            Bulk.Selected.Distinct().Take(ProposalChange.MaxBulk).Select(r => new KeyValuePair<string, string?>("r", r))));
    }

    private async Task LoadAsync(ProposalFilter filter, string? sort, int? page, int? pageSize, CancellationToken ct)
    {
        Filter = filter;
        Sort = sort;
        PageSize = pageSize ?? ProposalReader.DefaultPageSize;
        Catalogs = await catalogs.LoadAsync(ct);
        var result = await reader.ListAsync(filter, new ProposalReader.Paging(sort, page, pageSize), User, ct);
        if (result.IsDone)
        {
            Result = result.Value;
        }
        else
        {
            ModelState.AddCommandErrors(result.Errors, "");
        }
    }

    /// <summary>This list's query on another path (an export), without paging.</summary>
    public string Export(string path, bool personal = false) =>
        WebQuery.With(Request, path, ("page", null), ("pageSize", null), ("sort", null), ("includePersonal", personal ? "true" : null));

    public string PageLink(int page) => WebQuery.With(Request, "/admin/proposals", ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public string SortLink(string key) =>
        WebQuery.With(Request, "/admin/proposals", ("sort", Sort == key ? (key.StartsWith('-') ? key[1..] : "-" + key) : key), ("page", null));

    public string PostUrl(string handler) => WebQuery.With(Request, "/admin/proposals", ("handler", handler));
}
