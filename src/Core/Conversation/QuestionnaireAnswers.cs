using System.Globalization;
using Hromada.Core.Catalogs;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation;

/// <summary>Takes the answer to the current step, validates it, and moves on (or back to the summary when editing).</summary>
internal sealed class QuestionnaireAnswers(
    HromadaDbContext db, QuestionnaireQuestions questions, IOptions<ConversationOptions> options, TimeProvider time,
    IOptions<Community.CommunityOptions> community)
{
    /// <summary>Handles the resident's answer; false when the input does not fit the step (the caller re-asks).</summary>
    public async Task<bool> AnswerAsync(ConversationContext ctx, CancellationToken ct)
    {
        var m = ctx.Message;
        var d = ctx.Draft;
        switch (ctx.Step)
        {
            case Steps.Consent when m.ChoiceValue == "cns:yes":
                ctx.Resident.ConsentAt = time.GetUtcNow();
                ctx.Resident.ConsentVersion = community.Value.PrivacyNoticeVersion;
                await GoAsync(ctx, Steps.Category, ct);
                return true;
            case Steps.Consent when m.ChoiceValue == "cns:no":
                ctx.Step = Steps.Idle;
                ctx.ResetDraft();
                ctx.Say(ctx.T("Consent_Declined"), QuestionnaireQuestions.Menu(ctx));
                return true;

            case Steps.Category when Id(m, "cat") is { } id && await db.AuthorCategories.SingleOrDefaultAsync(c => c.Id == id && !c.IsRetired, ct) is { } category:
                d.CategoryId = category.Id;
                d.SocialGroupIds.Clear();
                d.BusinessKindId = null;
                await GoAsync(ctx, category.Asks switch
                {
                    AuthorDetail.SocialGroups => Steps.SocialGroups,
                    AuthorDetail.BusinessKind => Steps.BusinessKind,
                    _ => null,
                }, Steps.District, ct);
                return true;

            case Steps.SocialGroups when m.ChoiceValue == "sg:done":
                if (d.SocialGroupIds.Count == 0)
                {
                    ctx.Say(ctx.T("Error_ChooseAtLeastOneGroup"));
                    return false;
                }
                await GoAsync(ctx, null, Steps.District, ct);
                return true;
            case Steps.SocialGroups when Id(m, "sg") is { } id && await db.SocialGroups.AnyAsync(g => g.Id == id && !g.IsRetired, ct):
                if (!d.SocialGroupIds.Remove(id))
                {
                    d.SocialGroupIds.Add(id);
                }
                await questions.AskAsync(ctx, ct);
                return true;

            case Steps.BusinessKind when Id(m, "bk") is { } id && await db.BusinessKinds.AnyAsync(b => b.Id == id && !b.IsRetired, ct):
                d.BusinessKindId = id;
                await GoAsync(ctx, null, Steps.District, ct);
                return true;

            case Steps.District when Id(m, "dst") is { } id && await db.StarostaDistricts.AnyAsync(x => x.Id == id && !x.IsRetired, ct):
                d.DistrictId = id;
                d.SettlementCandidates.Clear();
                await GoAsync(ctx, Steps.Settlement, ct);
                return true;
            case Steps.District or Steps.Settlement or Steps.SettlementName when m.Text is { Length: > 0 } typed:
                return await MatchSettlementAsync(ctx, typed, ct);
            case Steps.Settlement when m.ChoiceValue == "set:back":
                d.SettlementCandidates.Clear();
                await GoAsync(ctx, Steps.District, ct);
                return true;
            case Steps.Settlement when m.ChoiceValue == "set:other":
                await GoAsync(ctx, Steps.SettlementName, ct);
                return true;
            case Steps.Settlement when Id(m, "set") is { } id && await db.Settlements.SingleOrDefaultAsync(s => s.Id == id && !s.IsRetired, ct) is { } settlement:
                SetSettlement(d, settlement);
                await GoAsync(ctx, null, Steps.Sphere, ct);
                return true;
            case Steps.SettlementConfirm when m.ChoiceValue == "unl:yes":
                d.SettlementId = null;
                d.UnlistedSettlement = d.PendingSettlementName;
                d.PendingSettlementName = null;
                await GoAsync(ctx, null, Steps.Sphere, ct);
                return true;
            case Steps.SettlementConfirm when m.ChoiceValue == "unl:no":
                d.PendingSettlementName = null;
                await GoAsync(ctx, Steps.District, ct);
                return true;

            case Steps.Sphere when Id(m, "sph") is { } id && await db.Spheres.AnyAsync(s => s.Id == id && !s.IsRetired, ct):
                d.SphereId = id;
                d.TopicId = null;
                d.TopicAnswered = false;
                var hasTopics = await db.Topics.AnyAsync(t => t.SphereId == id && !t.IsRetired, ct);
                d.TopicAnswered = !hasTopics;
                await GoAsync(ctx, hasTopics ? Steps.Topic : null, Steps.Text, ct);
                return true;
            case Steps.Topic when m.ChoiceValue == "tp:skip":
                d.TopicId = null;
                d.TopicAnswered = true;
                await GoAsync(ctx, null, Steps.Text, ct);
                return true;
            case Steps.Topic when Id(m, "tp") is { } id && await db.Topics.AnyAsync(t => t.Id == id && t.SphereId == d.SphereId && !t.IsRetired, ct):
                d.TopicId = id;
                d.TopicAnswered = true;
                await GoAsync(ctx, null, Steps.Text, ct);
                return true;

            case Steps.Text when m.Text is { Length: > 0 } part:
                return AppendText(ctx, part);
            case Steps.Text when m.ChoiceValue == "tx:reset":
                d.TextParts.Clear();
                await questions.AskAsync(ctx, ct);
                return true;
            case Steps.Text when m.ChoiceValue == "tx:done" && d.Text.Length >= options.Value.ProposalMinLength:
                await GoAsync(ctx, null, Steps.Name, ct);
                return true;

            case Steps.Name when m.ChoiceValue == "nm:skip":
                d.Name = null;
                d.NameAnswered = true;
                await GoAsync(ctx, Steps.Contact, ct);
                return true;
            case Steps.Name when m.Text is { Length: > 0 } name:
                if (name.Trim().Length is < 2 or > 200)
                {
                    ctx.Say(ctx.T("Error_Name"));
                    return false;
                }
                d.Name = name.Trim();
                d.NameAnswered = true;
                await GoAsync(ctx, Steps.Contact, ct);
                return true;

            case Steps.Contact when m.ChoiceValue == "ct:skip":
                d.Phone = null;
                d.Email = null;
                await GoAsync(ctx, null, Steps.Summary, ct);
                return true;
            case Steps.Contact when m.Contact is { } shared:
                if (!shared.IsOwn)
                {
                    ctx.Say(ctx.T("Error_ForeignContact"));
                    return false;
                }
                if (ContactParser.NormalisePhone(shared.PhoneNumber) is not { } sharedPhone)
                {
                    ctx.Say(ctx.T("Error_Contact"));
                    return false;
                }
                d.Phone = sharedPhone;
                d.Name ??= string.IsNullOrWhiteSpace(shared.Name) ? null : shared.Name.Trim();
                await GoAsync(ctx, null, Steps.Summary, ct);
                return true;
            case Steps.Contact when m.Text is { Length: > 0 } typed:
                if (ContactParser.NormalisePhone(typed) is { } phone)
                {
                    d.Phone = phone;
                }
                else if (ContactParser.NormaliseEmail(typed) is { } email)
                {
                    d.Email = email;
                }
                else
                {
                    ctx.Say(ctx.T("Error_Contact"));
                    return false;
                }
                await GoAsync(ctx, null, Steps.Summary, ct);
                return true;

            case Steps.Summary when m.ChoiceValue is { } edit && edit.StartsWith("ed:", StringComparison.Ordinal):
                return await EditAsync(ctx, edit[3..], ct);
            case Steps.Summary when m.ChoiceValue == "sum:cancel":
                ctx.ResetDraft();
                ctx.Step = Steps.Idle;
                ctx.Say(ctx.T("Cancelled"), QuestionnaireQuestions.Menu(ctx));
                return true;

            case Steps.Subscribe when m.ChoiceValue == "sub:yes":
                ctx.Resident.IsSubscribed = true;
                ctx.Resident.SubscribedAt = time.GetUtcNow();
                ctx.Step = Steps.Idle;
                ctx.Say(ctx.T("Subscribed"), QuestionnaireQuestions.Menu(ctx));
                return true;
            case Steps.Subscribe when m.ChoiceValue == "sub:no":
                ctx.Step = Steps.Idle;
                ctx.Say(ctx.T("NotSubscribed"), QuestionnaireQuestions.Menu(ctx));
                return true;
        }
        return false;
    }

    private async Task<bool> MatchSettlementAsync(ConversationContext ctx, string typed, CancellationToken ct)
    {
        var d = ctx.Draft;
        var all = await db.Settlements.Where(s => !s.IsRetired).ToListAsync(ct);
        var matches = SettlementMatcher.Match(all, typed);
        if (matches.Count == 1)
        {
            SetSettlement(d, matches[0]);
            await GoAsync(ctx, null, Steps.Sphere, ct);
            return true;
        }
        if (matches.Count > 1)
        {
            d.SettlementCandidates = matches.Select(s => s.Id).ToList();
            await GoAsync(ctx, Steps.Settlement, ct);
            return true;
        }
        var name = typed.Trim();
        if (name.Length is < 2 or > 100)
        {
            ctx.Say(ctx.T("Error_SettlementName"));
            return false;
        }
        d.PendingSettlementName = name;
        await GoAsync(ctx, Steps.SettlementConfirm, ct);
        return true;
    }

    private static void SetSettlement(ConversationDraft d, Settlement settlement)
    {
        d.SettlementId = settlement.Id;
        d.DistrictId = settlement.DistrictId;
        d.UnlistedSettlement = null;
        d.SettlementCandidates.Clear();
        d.PendingSettlementName = null;
    }

    private bool AppendText(ConversationContext ctx, string part)
    {
        var d = ctx.Draft;
        var combined = string.Join("\n\n", d.TextParts.Append(part)).Trim();
        var max = options.Value.ProposalMaxLength;
        if (combined.Length > max)
        {
            ctx.Say(ctx.T("Error_TextTooLong", combined.Length, max));
            return true;
        }
        if (part.Trim().Length > 0)
        {
            d.TextParts.Add(part.Trim());
        }
        questions.AskTextContinuation(ctx);
        return true;
    }

    private async Task<bool> EditAsync(ConversationContext ctx, string what, CancellationToken ct)
    {
        var d = ctx.Draft;
        var step = what switch
        {
            "cat" => Steps.Category,
            "set" => Steps.District,
            "sph" => Steps.Sphere,
            "tp" => Steps.Topic,
            "tx" => Steps.Text,
            "ct" => Steps.Name,
            _ => null,
        };
        if (step is null)
        {
            return false;
        }
        if (step == Steps.Topic && !await db.Topics.AnyAsync(t => t.SphereId == d.SphereId && !t.IsRetired, ct))
        {
            ctx.Say(ctx.T("Error_NoTopics"));
            await questions.AskAsync(ctx, ct);
            return true;
        }
        if (step == Steps.Text)
        {
            d.TextParts.Clear();
        }
        d.SettlementCandidates.Clear();
        d.Editing = true;
        await GoAsync(ctx, step, ct);
        return true;
    }

    /// <summary>Goes to <paramref name="step"/> and asks it.</summary>
    public async Task GoAsync(ConversationContext ctx, string step, CancellationToken ct)
    {
        ctx.Step = step;
        await questions.AskAsync(ctx, ct);
    }

    /// <summary>
    /// Goes to <paramref name="inGroup"/> when the answer has a follow-up of its own; otherwise the group is done, and the
    /// conversation goes on to <paramref name="next"/> — or back to the summary when an answer was being edited.
    /// </summary>
    private async Task GoAsync(ConversationContext ctx, string? inGroup, string next, CancellationToken ct)
    {
        if (inGroup is not null)
        {
            await GoAsync(ctx, inGroup, ct);
            return;
        }
        if (ctx.Draft.Editing || next == Steps.Summary)
        {
            ctx.Draft.Editing = false;
            await GoAsync(ctx, Steps.Summary, ct);
            return;
        }
        await GoAsync(ctx, next, ct);
    }

    private static int? Id(InboundMessage m, string prefix) =>
        m.ChoiceValue is { } v && v.StartsWith(prefix + ":", StringComparison.Ordinal)
        && int.TryParse(v.AsSpan(prefix.Length + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
