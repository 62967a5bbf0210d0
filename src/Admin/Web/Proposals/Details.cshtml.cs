using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Admin.Decisions;
using Hromada.Admin.Meetings;
using Hromada.Admin.Proposals;
using Hromada.Admin.Reviews;
using Hromada.Admin.Templates;
using Hromada.Core.Community;
using Hromada.Core.Proposals;
using Hromada.Core.Reviews;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hromada.Admin.Web.Proposals;

/// <summary>
/// One proposal: its text, classification (beside the resident's own answer), flags, routes and positions, the
/// decision, the author's notice, the history, and similar proposals. Each form goes through the API's services.
/// </summary>
[Authorize(Policy = AdminPolicies.Web.Review)]
public sealed class DetailsModel(
    ProposalReader reader, ProposalCommands commands, ReviewService reviews, DecisionService decisions, AnswerTemplateService templates,
    SimilarProposals similar, WebCatalogs catalogs, ReviewDueDates dueDates, MeetingService meetings, CommunityClock clock,
    PublicResults.PublicResultsService publicResults, Microsoft.Extensions.Options.IOptions<CommunityOptions> community) : PageModel, IShowsInputErrors
{
    [BindProperty] public ClassifyForm Classify { get; set; } = new();
    [BindProperty] public FlagsForm Flags { get; set; } = new();
    [BindProperty] public RouteForm Route { get; set; } = new();
    [BindProperty] public PositionForm Position { get; set; } = new();
    [BindProperty] public DecisionForm Decision { get; set; } = new();
    [BindProperty] public PublicTextForm PublicText { get; set; } = new();

    [TempData] public string? Note { get; set; }

    public ProposalDetailsDto Details { get; private set; } = null!;
    public ProposalSummaryDto Proposal => Details.Proposal;
    public WebCatalogs.Loaded Catalogs { get; private set; } = null!;
    public IReadOnlyList<AnswerTemplateService.TemplateDto> Templates { get; private set; } = [];
    public IReadOnlyList<SimilarProposal> Similar { get; private set; } = [];

    /// <summary>The consultation's recorded meetings, for the decision's protocol.</summary>
    public IReadOnlyList<MeetingSummaryDto> Meetings { get; private set; } = [];
    public CommunityClock Clock => clock;

    /// <summary>The form that was sent and not saved (its errors or its conflict are shown beside it).</summary>
    public string? Posted { get; private set; }

    /// <summary>When someone else changed the proposal meanwhile: the history entries the user had not seen.</summary>
    public IReadOnlyList<AuditDto>? ChangedMeanwhile { get; private set; }

    public bool WorkingGroup => User.May(AdminPolicies.WorkingGroup);

    /// <summary>The author's receipt link (the secretary writes it on the paper receipt or sends it).</summary>
    public string ReceiptUrl => community.Value.PublicBaseUrl.TrimEnd('/') + Proposal.ReceiptPath;

    public async Task<IActionResult> OnGetAsync(string reference, CancellationToken ct) => await ShowAsync(reference, null, null, ct);

    public async Task<IActionResult> OnPostClassifyAsync(string reference, CancellationToken ct) =>
        await SaveAsync(reference, "classify", Classify, "Класифікацію змінено.", () => commands.ClassifyAsync(reference,
            new ProposalCommands.ClassificationInput(Blank(Classify.Sphere), Blank(Classify.Topic), Blank(Classify.Settlement),
                ClearTopic: Blank(Classify.Topic) is null, Classify.Reason, Classify.Version), User, ct), ct);

    public async Task<IActionResult> OnPostFlagsAsync(string reference, CancellationToken ct) =>
        await SaveAsync(reference, "flags", Flags, "Позначки змінено.", () => commands.SetFlagsAsync(reference,
            new ProposalCommands.FlagsInput(Flags.Late, Flags.Unidentified, Flags.DuplicateOf?.Trim() ?? "", Flags.OffTopic, Flags.Reason, Flags.Version),
            User, ct), ct);

    /// <summary>One click from the similar proposals: this one is a duplicate of that one; the other flags stay.</summary>
    public async Task<IActionResult> OnPostDuplicateAsync(string reference, string duplicateOf, CancellationToken ct) =>
        await SaveAsync(reference, "flags", Flags, $"Позначено як дублікат {duplicateOf}.", () => commands.SetFlagsAsync(reference,
            new ProposalCommands.FlagsInput(null, null, duplicateOf, null, "Схожа пропозиція (позначено на сторінці пропозиції)", Flags.Version),
            User, ct), ct);

    public async Task<IActionResult> OnPostRouteAsync(string reference, CancellationToken ct) =>
        await SaveAsync(reference, "route", Route, "Передано на розгляд.", () => reviews.RouteAsync(reference,
            new ReviewService.RouteInput(Route.ReviewBodies, Route.DueDate, Route.Version), User, ct), ct);

    public async Task<IActionResult> OnPostPositionAsync(string reference, CancellationToken ct) =>
        await SaveAsync(reference, "position", Position, "Позицію записано.", () => reviews.RecordPositionAsync(reference, Position.ReviewBody ?? "",
            new ReviewService.PositionInput(Position.Stance, Position.Justification), User, ct), ct, reviewerMay: true);

    public async Task<IActionResult> OnPostDecideAsync(string reference, CancellationToken ct) =>
        await SaveAsync(reference, "decide", Decision, "Рішення записано; автору надсилається повідомлення.", () => decisions.DecideAsync(reference,
            new DecisionService.DecisionInput(Decision.Outcome, Decision.Justification, Decision.ProtocolNumber, Decision.ProtocolDate, Decision.Version,
                Decision.Meeting),
            User, ct), ct);

    public async Task<IActionResult> OnPostPublicTextAsync(string reference, CancellationToken ct) =>
        await SaveAsync(reference, "public-text", PublicText,
            PublicText.Hidden ? "Текст приховано на публічній сторінці результатів." : "Текст знову показано на публічній сторінці результатів.",
            () => publicResults.SetTextHiddenAsync(reference, PublicText.Hidden, PublicText.Reason, PublicText.Version, User, ct), ct);

    /// <summary>Without JavaScript: puts the chosen template's text into the justification, saving nothing.</summary>
    public async Task<IActionResult> OnPostTemplateAsync(string reference, CancellationToken ct)
    {
        ModelState.Clear();
        var shown = await ShowAsync(reference, "decide", null, ct);
        if (Templates.FirstOrDefault(t => t.Id == Decision.Template) is { } template)
        {
            Decision.Justification = template.Text;
            Decision.Outcome ??= template.Outcome;
        }
        return shown;
    }

    private async Task<IActionResult> SaveAsync<T>(string reference, string form, ProposalForm posted, string done,
        Func<Task<CommandResult<T>>> save, CancellationToken ct, bool reviewerMay = false)
    {
        if (!reviewerMay && !WorkingGroup)
        {
            return Forbid();
        }
        if (ModelState.IsValid)
        {
            var result = await save();
            switch (result.Status)
            {
                case CommandStatus.Done:
                    Note = done;
                    return Redirect($"/admin/proposals/{Uri.EscapeDataString(reference)}#{form}");
                case CommandStatus.NotFound:
                    return this.NotFoundPage($"Пропозиції {reference} немає або вона не передана вашому органу.");
                case CommandStatus.Invalid:
                    ModelState.AddCommandErrors(result.Errors, FormPrefix(form));
                    break;
            }
            return await ShowAsync(reference, form, result.Status == CommandStatus.Conflict ? posted.Seen : null, ct);
        }
        return await ShowAsync(reference, form, null, ct);
    }

    private async Task<IActionResult> ShowAsync(string reference, string? posted, int? conflictSeen, CancellationToken ct)
    {
        if (await reader.GetAsync(reference, User, ct) is not { } details)
        {
            return this.NotFoundPage($"Пропозиції {reference} немає або вона не передана вашому органу.");
        }
        Details = details;
        Posted = posted;
        Catalogs = await catalogs.LoadAsync(ct);
        if (conflictSeen is { } seen)
        {
            ChangedMeanwhile = details.History.Skip(Math.Clamp(seen, 0, details.History.Count)).ToList();
        }
        if (WorkingGroup)
        {
            Templates = await templates.ListAsync(details.Proposal.ConsultationId, ct) ?? [];
            Similar = await similar.FindAsync(reference, ct: ct);
            Meetings = await meetings.ListAsync(details.Proposal.ConsultationId, ct);
        }
        if (posted != "classify")
        {
            Classify = new ClassifyForm { Sphere = Proposal.Sphere.Code, Topic = Proposal.Topic?.Code, Settlement = Proposal.Settlement?.Code };
        }
        if (posted != "flags")
        {
            Flags = new FlagsForm { Late = Proposal.IsLate, Unidentified = Proposal.IsUnidentified, OffTopic = Proposal.IsOffTopic, DuplicateOf = Proposal.DuplicateOf };
        }
        if (posted != "route")
        {
            // Not routed yet: the bodies that review the proposal's sphere are ticked, with the usual due date.
            Route = details.Routes.Count > 0
                ? new RouteForm { ReviewBodies = details.Routes.Select(r => r.ReviewBody.Code).ToList(), DueDate = details.Routes[^1].DueDate }
                : new RouteForm { ReviewBodies = details.SuggestedReviewBodies.Select(b => b.Code).ToList(), DueDate = dueDates.Default };
        }
        if (posted != "position")
        {
            Position = new PositionForm();
        }
        if (posted != "public-text")
        {
            PublicText = new PublicTextForm { Hidden = Proposal.PublicTextHiddenReason is not null, Reason = Proposal.PublicTextHiddenReason };
        }
        if (posted != "decide")
        {
            Decision = details.Decision is { } d
                ? new DecisionForm
                {
                    Outcome = d.Outcome, Justification = d.Justification, ProtocolNumber = d.ProtocolNumber, ProtocolDate = d.ProtocolDate,
                    Meeting = Meetings.FirstOrDefault(m => m.Number == d.ProtocolNumber && m.Date == d.ProtocolDate)?.Id,
                }
                : new DecisionForm { ProtocolDate = clock.Today, Meeting = Meetings.FirstOrDefault(m => m.Date == clock.Today)?.Id };
        }
        return Page();
    }

    /// <summary>The model-state prefix of each form's fields.</summary>
    private static string FormPrefix(string form) => form switch
    {
        "classify" => nameof(Classify),
        "flags" => nameof(Flags),
        "route" => nameof(Route),
        "position" => nameof(Position),
        "public-text" => nameof(PublicText),
        _ => nameof(Decision),
    };

    /// <summary>The first error of a field, for showing beside it.</summary>
    public string? Error(string key) =>
        ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>Whether <paramref name="code"/> reviews this proposal's sphere (routing by sphere suggests it).</summary>
    public bool Suggested(string code) => Details.SuggestedReviewBodies.Any(b => b.Code == code);

    /// <summary>Whether the user's role may record this body's position: its own body for a Reviewer, any for the working group.</summary>
    public bool MayRecord(RouteDto route) =>
        WorkingGroup || (User.ReviewBodyId() is { } own && Catalogs.ReviewBodies.Any(b => b.Id == own && b.Code == route.ReviewBody.Code));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
