using System.Globalization;
using Hromada.Core.Catalogs;
using Hromada.Core.Conversation.Steps;
using Hromada.Core.Proposals;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation.Questions;

/// <summary>A settlement of the catalog, or a name the catalog does not have («населений пункт поза переліком»).</summary>
internal sealed record Place(int? SettlementId, string? Unlisted);

/// <summary>
/// Finding a settlement, shared by the questions that ask for one: typing a name finds it at once (any apostrophe,
/// any kind prefix; several of the same name are offered to choose from; an unknown name is recorded after a
/// confirmation), or a button: every settlement on one keyboard when the catalog has at most
/// <see cref="ConversationOptions.SettlementsOnOneKeyboard"/> (one tap, so the all-buttons path stays within 11
/// turns), else a starosta district first and then its settlement. Where it is in that search is kept in the draft
/// beside the question's answer.
/// </summary>
internal sealed class SettlementPicker(CatalogCache cache, IOptions<ConversationOptions> options)
{
    private sealed record Search(int? DistrictId, List<int> Candidates, string? PendingName, bool Typing);

    private static string Key(string step) => step + ".search";

    public static void Reset(ConversationContext ctx, string step) => ctx.Draft.Remove(Key(step));

    /// <summary>
    /// Asks where the search is; at its start, <paramref name="question"/> with <paramref name="extras"/> before the districts.
    /// </summary>
    public async Task AskAsync(ConversationContext ctx, string step, string question, IReadOnlyList<Choice> extras, CancellationToken ct)
    {
        var search = ctx.Draft.Get<Search>(Key(step));
        Choice B(string label, string value, string? shortLabel = null) => new(label, $"{step}:{value}") { ShortLabel = shortLabel };
        Choice Other() => B(ctx.T("Choice_OtherSettlement"), "other");
        Choice Back() => B(ctx.T("Choice_BackToList"), "back");

        if (search?.PendingName is { } pending)
        {
            ctx.Say(ctx.T("Ask_SettlementConfirm", pending), [B(ctx.T("Choice_RecordUnlisted"), "record"), B(ctx.T("Choice_TypeAgain"), "back")]);
        }
        else if (search?.Typing == true)
        {
            ctx.Say(ctx.T("Ask_SettlementName"), [Back()]);
        }
        else if (search is { Candidates.Count: > 0 })
        {
            var found = (await cache.GetAsync(ct)).Settlements.Where(s => search.Candidates.Contains(s.Id)).OrderBy(s => s.SortOrder).ToList();
            var lines = found.Select((s, i) => $"{i + 1}. {s.DisplayName} — {s.District!.Label}");
            var choices = found.Select((s, i) => B($"{s.DisplayName} ({s.District!.Label})", S(s.Id), $"{i + 1}. {s.ShortLabel ?? s.DisplayName}")).ToList();
            choices.Add(Other());
            choices.Add(Back());
            ctx.Say(ctx.T("Ask_SettlementSeveral") + "\n" + string.Join('\n', lines), choices);
        }
        else if (search?.DistrictId is { } districtId)
        {
            var settlements = (await cache.GetAsync(ct)).Settlements.Where(s => !s.IsRetired && s.DistrictId == districtId).OrderBy(s => s.SortOrder).ToList();
            var choices = settlements.Select(s => B(s.DisplayName, S(s.Id), s.ShortLabel)).ToList();
            choices.Add(Other());
            choices.Add(Back());
            ctx.Say(ctx.T("Ask_Settlement"), choices);
        }
        else if (await OneKeyboardAsync(ct) is { } all)
        {
            // Same display name twice (two «с. Березівка»): the district tells them apart.
            var repeated = all.GroupBy(s => s.DisplayName, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            string Label(Settlement s, string name) => repeated.Contains(s.DisplayName) ? $"{name} ({s.District!.ShortLabel ?? s.District.Label})" : name;
            ctx.Say(question, [.. extras, .. all.Select(s => B(Label(s, s.DisplayName), S(s.Id), Label(s, s.ShortLabel ?? s.DisplayName))), Other()]);
        }
        else
        {
            var districts = (await cache.GetAsync(ct)).Districts.Where(d => !d.IsRetired).OrderBy(d => d.SortOrder).ToList();
            ctx.Say(question, [.. extras, .. districts.Select(d => B(d.Label, D(d.Id), d.ShortLabel))]);
        }
    }

    /// <summary>
    /// Every settlement in use, by district and then the catalog's order (each district's centre first, as the catalog
    /// lists it), when there are few enough for one keyboard; otherwise null (districts first).
    /// </summary>
    private async Task<List<Settlement>?> OneKeyboardAsync(CancellationToken ct)
    {
        var catalog = await cache.GetAsync(ct);
        var active = catalog.Settlements.Where(s => !s.IsRetired).ToList();
        if (active.Count == 0 || active.Count > options.Value.SettlementsOnOneKeyboard)
        {
            return null;
        }
        return active.OrderBy(s => s.District?.SortOrder ?? int.MaxValue).ThenBy(s => s.SortOrder).ToList();
    }

    /// <summary>Takes the input: the place when the search found it; otherwise what became of the input.</summary>
    public async Task<(StepResult Result, Place? Place)> AnswerAsync(ConversationContext ctx, string step, StepInput input, CancellationToken ct)
    {
        var search = ctx.Draft.Get<Search>(Key(step)) ?? new Search(null, [], null, false);
        switch (input)
        {
            case StepInput.Typed { Text: var typed }:
                return await FindAsync(ctx, step, typed, ct);
            case StepInput.Pressed { Value: "back" }:
                Reset(ctx, step);
                return (StepResult.Again, null);
            case StepInput.Pressed { Value: "other" }:
                ctx.Draft.Set(Key(step), new Search(null, [], null, Typing: true));
                return (StepResult.Again, null);
            case StepInput.Pressed { Value: "record" } when search.PendingName is { } name:
                return Found(ctx, step, new Place(null, name));
            case StepInput.Pressed { Value: var v } when Id(v, 'd') is { } districtId
                && (await cache.GetAsync(ct)).Districts.Any(d => d.Id == districtId && !d.IsRetired):
                ctx.Draft.Set(Key(step), new Search(districtId, [], null, false));
                return (StepResult.Again, null);
            case StepInput.Pressed { Value: var v } when Id(v, 's') is { } settlementId
                && (await cache.GetAsync(ct)).Settlements.Any(s => s.Id == settlementId && !s.IsRetired):
                return Found(ctx, step, new Place(settlementId, null));
            default:
                return (StepResult.NotTaken, null);
        }
    }

    /// <summary>How a place reads: "с. Камʼянка", or the unlisted name as typed.</summary>
    public async Task<string?> DisplayAsync(Place? place, CancellationToken ct)
    {
        if (place?.SettlementId is { } id)
        {
            return (await cache.GetAsync(ct)).Settlements.SingleOrDefault(s => s.Id == id)?.DisplayName;
        }
        return place?.Unlisted;
    }

    private async Task<(StepResult, Place?)> FindAsync(ConversationContext ctx, string step, string typed, CancellationToken ct)
    {
        var all = (await cache.GetAsync(ct)).Settlements.Where(s => !s.IsRetired).ToList();
        var matches = SettlementMatcher.Match(all, typed);
        if (matches.Count == 1)
        {
            return Found(ctx, step, new Place(matches[0].Id, null));
        }
        if (matches.Count > 1)
        {
            ctx.Draft.Set(Key(step), new Search(null, matches.Select(s => s.Id).ToList(), null, false));
            return (StepResult.Again, null);
        }
        var name = typed.Trim();
        if (ProposalInputRules.CheckSettlementName(name).Error is not null)
        {
            return (StepResult.Refused(ctx.T("Error_SettlementName")), null);
        }
        ctx.Draft.Set(Key(step), new Search(null, [], name, false));
        return (StepResult.Again, null);
    }

    private static (StepResult, Place?) Found(ConversationContext ctx, string step, Place place)
    {
        Reset(ctx, step);
        return (StepResult.Done, place);
    }

    private static string S(int id) => "s" + id.ToString(CultureInfo.InvariantCulture);

    private static string D(int id) => "d" + id.ToString(CultureInfo.InvariantCulture);

    private static int? Id(string value, char kind) =>
        value.Length > 1 && value[0] == kind && int.TryParse(value.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
