using System.Security.Claims;
using Hromada.Admin.Auth;
using Hromada.Admin.Commands;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Hromada.Core.Text;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Intake;

/// <summary>
/// Registers a proposal received outside the chats (on paper, by e-mail, at a reception, at the ЦНАП, from a Google
/// Form). Its text, name, phone and e-mail meet the chat's rules (<see cref="ProposalInputRules"/>); catalog entries
/// are named by code; late is computed from the date received.
/// </summary>
public sealed class ManualIntake(
    HromadaDbContext db, ProposalService proposals, ProposalInputRules rules, Core.Notifications.NotificationService notifications, TimeProvider time)
{
    public static readonly IReadOnlyList<Channel> Channels = [Channel.Paper, Channel.Email, Channel.Reception, Channel.Cnap, Channel.GoogleForm];

    public sealed record ManualProposalInput(
        Channel? Channel, DateTimeOffset? ReceivedAt, int? ConsultationId, string? AuthorCategory, IReadOnlyList<string>? SocialGroups,
        string? BusinessKind, string? Settlement, [property: ResidentText] string? UnlistedSettlement, string? Sphere, string? Topic,
        [property: ResidentText] string? Text, [property: ResidentText] string? AuthorName, [property: ResidentText] string? AuthorPhone,
        [property: ResidentText] string? AuthorEmail);

    public async Task<CommandResult<Proposal>> RegisterAsync(ManualProposalInput input, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        // The chat's rules: what a resident could not send through the chat is not registered by hand either.
        var checkedInput = rules.Check(new ProposalInput(input.Text, input.AuthorName, input.AuthorPhone, input.AuthorEmail,
            input.Settlement is null ? input.UnlistedSettlement : null));
        var errors = new FieldErrors();
        foreach (var problem in checkedInput.Problems.All)
        {
            errors.Add(problem);
        }
        if (input.Channel is not { } channel || !Channels.Contains(channel))
        {
            errors.Add("channel", $"The channel must be one of: {string.Join(", ", Channels)}.", "Оберіть, як надійшла пропозиція.");
        }
        if (input.ReceivedAt is null)
        {
            errors.Add("receivedAt", "The date the proposal was received is required.", "Вкажіть, коли надійшла пропозиція.");
        }
        else if (input.ReceivedAt > time.GetUtcNow().AddMinutes(5))
        {
            errors.Add("receivedAt", "The received date is in the future.", "Дата надходження ще не настала.");
        }

        var consultation = input.ConsultationId is { } cid
            ? await db.Consultations.SingleOrDefaultAsync(c => c.Id == cid, ct)
            : await db.Consultations.OrderByDescending(c => c.OpensAt).FirstOrDefaultAsync(ct);
        if (consultation is null)
        {
            errors.Add("consultationId", "No such consultation.", "Оберіть консультацію зі списку.");
        }
        var category = await db.AuthorCategories.SingleOrDefaultAsync(c => c.Code == input.AuthorCategory, ct);
        if (category is null)
        {
            errors.Add("authorCategory", $"Unknown author category '{input.AuthorCategory}'.", "Оберіть категорію автора.");
        }
        var sphere = await db.Spheres.SingleOrDefaultAsync(s => s.Code == input.Sphere, ct);
        if (sphere is null)
        {
            errors.Add("sphere", $"Unknown sphere '{input.Sphere}'.", "Оберіть сферу.");
        }
        var topic = input.Topic is null || sphere is null ? null : await db.Topics.SingleOrDefaultAsync(t => t.Code == input.Topic && t.SphereId == sphere.Id, ct);
        if (input.Topic is not null && topic is null)
        {
            errors.Add("topic", $"Unknown topic '{input.Topic}' in that sphere.", "У обраній сфері такої теми немає.");
        }
        var settlement = input.Settlement is null ? null : await db.Settlements.SingleOrDefaultAsync(s => s.Code == input.Settlement, ct);
        if (input.Settlement is not null && settlement is null)
        {
            errors.Add("settlement", $"Unknown settlement '{input.Settlement}'.", "Оберіть населений пункт зі списку.");
        }
        var business = input.BusinessKind is null ? null : await db.BusinessKinds.SingleOrDefaultAsync(b => b.Code == input.BusinessKind, ct);
        if (input.BusinessKind is not null && business is null)
        {
            errors.Add("businessKind", $"Unknown business kind '{input.BusinessKind}'.", "Оберіть вид діяльності зі списку.");
        }
        var groupCodes = input.SocialGroups ?? [];
        var groups = await db.SocialGroups.Where(g => groupCodes.Contains(g.Code)).ToListAsync(ct);
        if (groups.Count != groupCodes.Distinct().Count())
        {
            errors.Add("socialGroups", "Unknown social group code.", "Оберіть соціальні групи зі списку.");
        }
        if (errors.Any)
        {
            return CommandFailure.Invalid("The proposal cannot be registered", "Пропозицію не можна зареєструвати", errors);
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
            Actor = user.ActorName(),
        }, alongside: stored => notifications.EnqueueReceipt(stored) is not null, ct);
        // The receipt e-mail committed with the proposal (both or neither): a stored proposal never lacks its receipt,
        // and a failure leaves nothing the secretary could enter twice.
        notifications.Send();
        return CommandResult.Done(p);
    }
}
