using System.Globalization;
using Hromada.Core.Catalogs;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Core.Conversation;

/// <summary>Asks the question of each step, with its choices.</summary>
internal sealed class QuestionnaireQuestions(HromadaDbContext db, IOptions<ConversationOptions> options, IOptions<Community.CommunityOptions> community)
{
    public async Task AskAsync(ConversationContext ctx, CancellationToken ct)
    {
        var d = ctx.Draft;
        switch (ctx.Step)
        {
            case Steps.Consent:
                ctx.Say(ctx.T("Ask_Consent", community.Value.PrivacyNoticeUrl),
                    [ctx.C("Choice_ConsentYes", "cns:yes"), ctx.C("Choice_ConsentNo", "cns:no")]);
                break;
            case Steps.Category:
                ctx.Say(ctx.T("Ask_Category"), await ChoicesAsync(db.AuthorCategories, "cat", ct));
                break;
            case Steps.SocialGroups:
                var groups = await db.SocialGroups.Where(g => !g.IsRetired).OrderBy(g => g.SortOrder).ToListAsync(ct);
                var choices = groups.Select(g => new Choice((d.SocialGroupIds.Contains(g.Id) ? "✓ " : "") + g.Label, Value("sg", g.Id))).ToList();
                choices.Add(ctx.C("Choice_Done", "sg:done"));
                ctx.Say(ctx.T("Ask_SocialGroups"), choices);
                break;
            case Steps.BusinessKind:
                ctx.Say(ctx.T("Ask_BusinessKind"), await ChoicesAsync(db.BusinessKinds, "bk", ct));
                break;
            case Steps.District:
                ctx.Say(ctx.T("Ask_District"), await ChoicesAsync(db.StarostaDistricts, "dst", ct));
                break;
            case Steps.Settlement:
                if (d.SettlementCandidates.Count > 0)
                {
                    var found = await db.Settlements.Include(s => s.District).Where(s => d.SettlementCandidates.Contains(s.Id)).OrderBy(s => s.SortOrder).ToListAsync(ct);
                    var list = found.Select(s => new Choice($"{s.DisplayName} ({s.District!.Label})", Value("set", s.Id))).ToList();
                    list.Add(ctx.C("Choice_OtherSettlement", "set:other"));
                    ctx.Say(ctx.T("Ask_SettlementSeveral"), list);
                    break;
                }
                var settlements = await db.Settlements.Where(s => !s.IsRetired && s.DistrictId == d.DistrictId).OrderBy(s => s.SortOrder).ToListAsync(ct);
                var options1 = settlements.Select(s => new Choice(s.DisplayName, Value("set", s.Id))).ToList();
                options1.Add(ctx.C("Choice_OtherSettlement", "set:other"));
                options1.Add(ctx.C("Choice_BackToDistricts", "set:back"));
                ctx.Say(ctx.T("Ask_Settlement"), options1);
                break;
            case Steps.SettlementName:
                ctx.Say(ctx.T("Ask_SettlementName"));
                break;
            case Steps.SettlementConfirm:
                ctx.Say(ctx.T("Ask_SettlementConfirm", d.PendingSettlementName),
                    [ctx.C("Choice_RecordUnlisted", "unl:yes"), ctx.C("Choice_TypeAgain", "unl:no")]);
                break;
            case Steps.Sphere:
                ctx.Say(ctx.T("Ask_Sphere"), await ChoicesAsync(db.Spheres, "sph", ct));
                break;
            case Steps.Topic:
                var topics = await db.Topics.Where(t => !t.IsRetired && t.SphereId == d.SphereId).OrderBy(t => t.SortOrder).ToListAsync(ct);
                var topicChoices = topics.Select(t => new Choice(t.Label, Value("tp", t.Id))).ToList();
                topicChoices.Add(ctx.C("Choice_Skip", "tp:skip"));
                ctx.Say(ctx.T("Ask_Topic"), topicChoices);
                break;
            case Steps.Text:
                if (d.TextParts.Count == 0)
                {
                    ctx.Say(ctx.T("Ask_Text", options.Value.ProposalMinLength, options.Value.ProposalMaxLength));
                }
                else
                {
                    AskTextContinuation(ctx);
                }
                break;
            case Steps.Name:
                ctx.Say(ctx.T("Ask_Name"), [ctx.C("Choice_Skip", "nm:skip")]);
                break;
            case Steps.Contact:
                ctx.Say(ctx.T("Ask_Contact"), [ctx.C("Choice_Skip", "ct:skip")], requestContact: true);
                break;
            case Steps.Summary:
                await SummaryAsync(ctx, ct);
                break;
            case Steps.Subscribe:
                ctx.Say(ctx.T("Ask_Subscribe"), [ctx.C("Choice_SubscribeYes", "sub:yes"), ctx.C("Choice_SubscribeNo", "sub:no")]);
                break;
            case Steps.ForgetConfirm:
                ctx.Say(ctx.T("Ask_Forget"), [ctx.C("Choice_ForgetYes", "fg:yes"), ctx.C("Choice_ForgetNo", "fg:no")]);
                break;
            default:
                ctx.Say(ctx.T("Menu"), Menu(ctx));
                break;
        }
    }

    public void AskTextContinuation(ConversationContext ctx)
    {
        var length = ctx.Draft.Text.Length;
        var min = options.Value.ProposalMinLength;
        if (length < min)
        {
            ctx.Say(ctx.T("Text_TooShortSoFar", length, ctx.Plural(length, "Plural_Characters"), min), [ctx.C("Choice_TextReset", "tx:reset")]);
            return;
        }
        ctx.Say(ctx.T("Text_Received", length, ctx.Plural(length, "Plural_Characters"), options.Value.ProposalMaxLength),
            [ctx.C("Choice_TextDone", "tx:done"), ctx.C("Choice_TextReset", "tx:reset")]);
    }

    public static IReadOnlyList<Choice> Menu(ConversationContext ctx) =>
    [
        ctx.C("Choice_MenuNew", "m:new"),
        ctx.C("Choice_MenuMy", "m:my"),
        ctx.Resident.IsSubscribed ? ctx.C("Choice_MenuUnsubscribe", "m:stop") : ctx.C("Choice_MenuSubscribe", "m:sub"),
        ctx.C("Choice_MenuHelp", "m:help"),
    ];

    private async Task SummaryAsync(ConversationContext ctx, CancellationToken ct)
    {
        var d = ctx.Draft;
        var category = await db.AuthorCategories.SingleAsync(c => c.Id == d.CategoryId, ct);
        var groups = await db.SocialGroups.Where(g => d.SocialGroupIds.Contains(g.Id)).OrderBy(g => g.SortOrder).Select(g => g.Label).ToListAsync(ct);
        var business = d.BusinessKindId is null ? null : await db.BusinessKinds.SingleAsync(b => b.Id == d.BusinessKindId, ct);
        var settlement = d.SettlementId is null ? null : await db.Settlements.SingleAsync(s => s.Id == d.SettlementId, ct);
        var sphere = await db.Spheres.SingleAsync(s => s.Id == d.SphereId, ct);
        var topic = d.TopicId is null ? null : await db.Topics.SingleAsync(t => t.Id == d.TopicId, ct);
        var none = ctx.T("Summary_None");
        var who = category.Label + (groups.Count > 0 ? $" ({string.Join(", ", groups)})" : "") + (business is null ? "" : $" ({business.Label})");
        var contact = string.Join(", ", new[] { d.Name, d.Phone, d.Email }.Where(x => !string.IsNullOrEmpty(x)));
        var text = ctx.T("Summary",
            who,
            settlement?.DisplayName ?? d.UnlistedSettlement ?? none,
            sphere.Label,
            topic?.Label ?? none,
            d.Text,
            contact.Length == 0 ? none : contact);
        if (Proposals.Proposal.ComputeUnidentified(d.Name, d.Phone, d.Email))
        {
            text += "\n\n" + ctx.T("Warning_Unidentified");
        }
        ctx.Say(text,
        [
            ctx.C("Choice_Send", "sum:send"),
            ctx.C("Choice_EditCategory", "ed:cat"),
            ctx.C("Choice_EditSettlement", "ed:set"),
            ctx.C("Choice_EditSphere", "ed:sph"),
            ctx.C("Choice_EditTopic", "ed:tp"),
            ctx.C("Choice_EditText", "ed:tx"),
            ctx.C("Choice_EditContact", "ed:ct"),
            ctx.C("Choice_Cancel", "sum:cancel"),
        ]);
    }

    private static async Task<List<Choice>> ChoicesAsync<T>(IQueryable<T> set, string prefix, CancellationToken ct) where T : CatalogItem =>
        (await set.Where(x => !x.IsRetired).OrderBy(x => x.SortOrder).ToListAsync(ct)).Select(x => new Choice(x.Label, Value(prefix, x.Id))).ToList();

    public static string Value(string prefix, int id) => string.Create(CultureInfo.InvariantCulture, $"{prefix}:{id}");
}
