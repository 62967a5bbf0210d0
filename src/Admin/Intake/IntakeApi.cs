using Hromada.Admin.Auth;
using Hromada.Admin.Proposals;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Intake;

/// <summary>Manual intake of proposals that arrived on paper, by e-mail, at a reception, at the ЦНАП or through a Google Form.</summary>
public static class IntakeApi
{
    private static readonly Channel[] ManualChannels = [Channel.Paper, Channel.Email, Channel.Reception, Channel.Cnap, Channel.GoogleForm];

    public static RouteGroupBuilder MapIntakeApi(this RouteGroupBuilder admin)
    {
        admin.MapPost("/proposals", CreateAsync).WithTags("Intake").WithName("RegisterProposal")
            .WithSummary("Register a proposal received outside the chats (channel Paper, Email, Reception, Cnap or GoogleForm) with the date it was received; late is computed from that date. Catalog entries by code. Text, name, phone and e-mail meet the chat's rules (text length from Hromada:Conversation, name of 2–200 characters, a Ukrainian phone number, an e-mail address); control and bidirectional characters are removed.")
            .RequireAuthorization(AdminPolicies.WorkingGroup);
        return admin;
    }

    public sealed record ManualProposalInput(
        Channel? Channel, DateTimeOffset? ReceivedAt, int? ConsultationId, string? AuthorCategory, IReadOnlyList<string>? SocialGroups,
        string? BusinessKind, string? Settlement, string? UnlistedSettlement, string? Sphere, string? Topic, string? Text,
        string? AuthorName, string? AuthorPhone, string? AuthorEmail);

    private static async Task<Results<Created<ProposalSummaryDto>, ValidationProblem>> CreateAsync(
        ManualProposalInput input, HromadaDbContext db, ProposalService proposals, ProposalInputRules rules, TimeProvider time,
        HttpContext http, CancellationToken ct)
    {
        // The chat's rules: what a resident could not send through the chat is not registered by hand either.
        var checkedInput = rules.Check(new ProposalInput(input.Text, input.AuthorName, input.AuthorPhone, input.AuthorEmail,
            input.Settlement is null ? input.UnlistedSettlement : null));
        var errors = new Dictionary<string, string[]>(checkedInput.Errors);
        if (input.Channel is not { } channel || !ManualChannels.Contains(channel))
        {
            errors["channel"] = [$"The channel must be one of: {string.Join(", ", ManualChannels)}."];
        }
        if (input.ReceivedAt is null) errors["receivedAt"] = ["The date the proposal was received is required."];
        else if (input.ReceivedAt > time.GetUtcNow().AddMinutes(5)) errors["receivedAt"] = ["The received date is in the future."];

        var consultation = input.ConsultationId is { } cid
            ? await db.Consultations.SingleOrDefaultAsync(c => c.Id == cid, ct)
            : await db.Consultations.OrderByDescending(c => c.OpensAt).FirstOrDefaultAsync(ct);
        if (consultation is null) errors["consultationId"] = ["No such consultation."];

        var category = await db.AuthorCategories.SingleOrDefaultAsync(c => c.Code == input.AuthorCategory, ct);
        if (category is null) errors["authorCategory"] = [$"Unknown author category '{input.AuthorCategory}'."];
        var sphere = await db.Spheres.SingleOrDefaultAsync(s => s.Code == input.Sphere, ct);
        if (sphere is null) errors["sphere"] = [$"Unknown sphere '{input.Sphere}'."];
        var topic = input.Topic is null || sphere is null ? null : await db.Topics.SingleOrDefaultAsync(t => t.Code == input.Topic && t.SphereId == sphere.Id, ct);
        if (input.Topic is not null && topic is null) errors["topic"] = [$"Unknown topic '{input.Topic}' in that sphere."];
        var settlement = input.Settlement is null ? null : await db.Settlements.SingleOrDefaultAsync(s => s.Code == input.Settlement, ct);
        if (input.Settlement is not null && settlement is null) errors["settlement"] = [$"Unknown settlement '{input.Settlement}'."];
        var business = input.BusinessKind is null ? null : await db.BusinessKinds.SingleOrDefaultAsync(b => b.Code == input.BusinessKind, ct);
        if (input.BusinessKind is not null && business is null) errors["businessKind"] = [$"Unknown business kind '{input.BusinessKind}'."];
        var groupCodes = input.SocialGroups ?? [];
        var groups = await db.SocialGroups.Where(g => groupCodes.Contains(g.Code)).ToListAsync(ct);
        if (groups.Count != groupCodes.Distinct().Count()) errors["socialGroups"] = ["Unknown social group code."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The proposal cannot be registered");
        }

        var value = checkedInput.Value;
        var p = await proposals.SubmitAsync(new NewProposal
        {
            ConsultationId = consultation!.Id,
            Channel = input.Channel!.Value,
            ReceivedAt = input.ReceivedAt!.Value,
            AuthorCategoryId = category!.Id,
            SocialGroupIds = groups.Select(g => g.Id).ToList(),
            BusinessKindId = business?.Id,
            SettlementId = settlement?.Id,
            UnlistedSettlement = settlement is null ? value.UnlistedSettlement : null,
            SphereId = sphere!.Id,
            TopicId = topic?.Id,
            Text = value.Text!,
            AuthorName = value.AuthorName,
            AuthorPhone = value.AuthorPhone,
            AuthorEmail = value.AuthorEmail,
            Actor = http.User.ActorName(),
        }, ct);
        var stored = await db.WithEverything().AsNoTracking().SingleAsync(x => x.Id == p.Id, ct);
        return TypedResults.Created($"/api/admin/proposals/{p.Reference}", ProposalMapping.ToSummary(stored, http.User.IsAdmin()));
    }
}
