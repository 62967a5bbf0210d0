using System.Globalization;
using Hromada.Admin.Audit;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Validation;
using Hromada.Admin.Proposals;
using Hromada.Admin.Web.Proposals;
using Hromada.Core.Audit;
using Hromada.Core.Community;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Audit;

/// <summary>
/// The audit trail for the Admin: every change anyone made (proposals, consultations, meetings, announcements, letters,
/// keys, exports with personal data…), newest first, each in words from its typed event.
/// </summary>
[Authorize(Policy = AdminPolicies.Web.Admin)]
public sealed class IndexModel(AuditTrail trail, WebCatalogs catalogs, CommunityClock clock) : PageModel
{
    [FromQuery(Name = "area")]
    public string? Area { get; set; }

    [FromQuery(Name = "actor")]
    public string? Actor { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public PageDto<AuditEntry>? Result { get; private set; }
    public HistoryView View { get; private set; } = null!;
    public CommunityClock Clock => clock;

    public int Pages => Result is null ? 0 : Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = new HistoryView(await catalogs.LoadAsync(ct), clock);
        var errors = new FieldErrors();
        if (Area is { Length: > 0 } area && !AuditTrail.EntityTypes.ContainsKey(area))
        {
            errors.Add("area", "Unknown area.", "Такого розділу журналу немає: оберіть його зі списку.");
        }
        if (PageRequest.Read(PageNumber, null, AuditTrail.DefaultPageSize, AuditTrail.MaxPageSize, "записів", errors) is { } page && !errors.Any)
        {
            Result = await trail.ListAsync(new AuditFilter(Area, null, Actor), page, ct);
        }
        foreach (var e in errors.All)
        {
            ModelState.AddModelError(e.Field, e.Ukrainian);
        }
    }

    /// <summary>The entry as the proposal history reads it.</summary>
    public static AuditDto Dto(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new AuditDto(e.At, e.Actor, e.Action, e.Before, e.After, e.Kind, e.Version);
    }

    /// <summary>What the entry is about, in words, and a link to it where the page has one.</summary>
    public static (string Text, string? Link) Subject(AuditEntry e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var area = AuditTrail.EntityTypes.TryGetValue(e.EntityType, out var words) ? words : e.EntityType;
        var id = long.TryParse(e.EntityKey, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        var link = e.EntityType switch
        {
            "Proposal" => $"/admin/proposals/{Uri.EscapeDataString(e.EntityKey)}",
            "Consultation" when id is not null => $"/admin/consultations/{id}",
            "Meeting" when id is not null => $"/admin/meetings/{id}",
            "Announcement" when id is not null => $"/admin/announcements/{id}",
            "ApiKey" => "/admin/keys",
            "ReviewBody" => "/admin/review-bodies",
            _ => null,
        };
        return ($"{area}: {e.EntityKey}", link);
    }

    public string PageLink(int page) => WebQuery.With(Request, "/admin/audit", ("page", page.ToString(CultureInfo.InvariantCulture)));
}
