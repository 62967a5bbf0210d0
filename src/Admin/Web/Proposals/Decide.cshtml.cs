using Hromada.Admin.Auth;
using Hromada.Admin.Decisions;
using Hromada.Admin.Meetings;
using Hromada.Admin.Proposals;
using Hromada.Admin.Templates;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Proposals;

/// <summary>
/// Deciding several proposals at one protocol, each with its own outcome and justification: the procedure considers
/// every proposal separately, so there is no "same text for all".
/// </summary>
[Authorize(Policy = AdminPolicies.Web.WorkingGroup)]
public sealed class DecideModel(
    ProposalReader reader, DecisionService decisions, AnswerTemplateService templates, MeetingService meetings, CommunityClock clock) : PageModel, IShowsInputErrors
{
    public sealed class Item
    {
        public string Reference { get; set; } = "";
        public int? Version { get; set; }
        public DecisionOutcome? Outcome { get; set; }
        public string? Justification { get; set; }
    }

    public sealed class DecideForm
    {
        public List<Item> Items { get; set; } = [];
        public string? ProtocolNumber { get; set; }
        public DateOnly? ProtocolDate { get; set; }
        public int? Meeting { get; set; }
    }

    [BindProperty]
    public DecideForm Input { get; set; } = new();

    [TempData]
    public string? Note { get; set; }

    public Dictionary<string, ProposalDetailsDto> Proposals { get; } = new(StringComparer.Ordinal);
    public List<string> Missing { get; } = [];

    /// <summary>Proposals picked in the list that already have a decision: left out of the form (changing one is done on its own page), named above it.</summary>
    public List<ProposalDetailsDto> AlreadyDecided { get; } = [];
    public Dictionary<int, IReadOnlyList<AnswerTemplateService.TemplateDto>> Templates { get; } = [];
    public CommunityClock Clock => clock;

    /// <summary>The recorded meetings of the proposals' consultations, for the protocol.</summary>
    public IReadOnlyList<MeetingSummaryDto> Meetings { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "r")] List<string> references, CancellationToken ct)
    {
        Input = new DecideForm
        {
            ProtocolDate = clock.Today,
            Items = references.Distinct(StringComparer.Ordinal).Take(ProposalChange.MaxBulk).Select(r => new Item { Reference = r }).ToList(),
        };
        await LoadAsync(fillFromProposals: true, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var items = Input.Items.Select(i => new DecisionService.DecisionItem(i.Reference, i.Outcome, i.Justification, i.Version)).ToList();
            var result = await decisions.DecideEachAsync(items, Input.ProtocolNumber, Input.ProtocolDate, Input.Meeting, User, ct);
            if (result.IsDone)
            {
                Note = WebNotes.Bulk("Рішення записано, авторам надсилаються повідомлення", result.Value!);
                return Redirect("/admin/proposals");
            }
            ModelState.AddCommandErrors(result.Errors);
        }
        await LoadAsync(fillFromProposals: false, ct);
        return Page();
    }

    private async Task LoadAsync(bool fillFromProposals, CancellationToken ct)
    {
        foreach (var item in Input.Items)
        {
            if (await reader.GetAsync(item.Reference, User, ct) is not { } details)
            {
                Missing.Add(item.Reference);
                continue;
            }
            if (fillFromProposals && details.Decision is not null)
            {
                AlreadyDecided.Add(details);
                continue;
            }
            Proposals[item.Reference] = details;
            if (fillFromProposals)
            {
                item.Version = details.Proposal.Version;
            }
            var consultation = details.Proposal.ConsultationId;
            if (!Templates.ContainsKey(consultation))
            {
                Templates[consultation] = await templates.ListAsync(consultation, ct) ?? [];
            }
        }
        Input.Items.RemoveAll(i => Missing.Contains(i.Reference) || AlreadyDecided.Any(d => d.Proposal.Reference == i.Reference));
        var list = new List<MeetingSummaryDto>();
        foreach (var consultation in Templates.Keys)
        {
            list.AddRange(await meetings.ListAsync(consultation, ct));
        }
        Meetings = list;
        if (fillFromProposals)
        {
            Input.Meeting = Meetings.FirstOrDefault(m => m.Date == clock.Today)?.Id;
        }
    }

    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
