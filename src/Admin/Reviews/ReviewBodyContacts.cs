using Hromada.Admin.Commands;
using Hromada.Core.Audit;
using Hromada.Core.Catalogs;
using Hromada.Core.Proposals;
using Hromada.Core.Reviews;
using Hromada.Core.Storage;
using Hromada.Core.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Admin.Reviews;

/// <summary>
/// The review bodies' contacts: listed with whether each can be told (and how many of its open routes were not), and
/// changed from the web page or the API — then configuration no longer overwrites them.
/// </summary>
public sealed class ReviewBodyContacts(HromadaDbContext db, AuditLog audit, ReviewNotices notices)
{
    public sealed record ContactsInput(string? TelegramChat, IReadOnlyList<string>? Emails);

    /// <summary>A body, its contacts, whether it is reachable, its open routes and those it was not told of.</summary>
    public sealed record BodyContacts(
        string Code, string Label, string? TelegramChat, IReadOnlyList<string> Emails, bool SetOnPage, bool Reachable, int OpenRoutes, int NotTold);

    public async Task<IReadOnlyList<BodyContacts>> ListAsync(CancellationToken ct)
    {
        var bodies = await db.ReviewBodies.AsNoTracking().Where(b => !b.IsRetired).OrderBy(b => b.SortOrder).ToListAsync(ct);
        var open = await db.ProposalRoutes.AsNoTracking()
            .Where(r => r.Stance == null && r.Proposal!.Status != ProposalStatus.Decided)
            .GroupBy(r => r.ReviewBodyId)
            .Select(g => new { g.Key, Open = g.Count(), NotTold = g.Count(r => r.NotifiedAt == null) })
            .ToDictionaryAsync(x => x.Key, ct);
        return bodies.Select(b => new BodyContacts(b.Code, b.Label, b.TelegramChat, b.EmailList, b.ContactsSetOnPage, notices.IsReachable(b),
            open.GetValueOrDefault(b.Id)?.Open ?? 0, open.GetValueOrDefault(b.Id)?.NotTold ?? 0)).ToList();
    }

    /// <summary>Sets a body's contacts; its routes it was not told of are told at once if it is now reachable.</summary>
    public async Task<CommandResult<BodyContacts>> SaveAsync(string code, ContactsInput input, string actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = await db.ReviewBodies.SingleOrDefaultAsync(b => b.Code == code && !b.IsRetired, ct);
        if (body is null)
        {
            return CommandFailure.NotFound("No such review body", "Такого органу немає",
                $"There is no review body '{code}'.", $"Органу з кодом «{code}» немає.");
        }
        var errors = new FieldErrors();
        var chat = string.IsNullOrWhiteSpace(input.TelegramChat) ? null : input.TelegramChat.Trim();
        if (Contacts.TelegramChatError(chat) is { } bad)
        {
            errors.Add("telegramChat", bad, "Вкажіть числовий ідентифікатор чату Telegram (у групи він відʼємний, напр. -1001234567890) або @назву каналу.");
        }
        var emails = (input.Emails ?? []).SelectMany(e => (e ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (emails.FirstOrDefault(e => !Contacts.IsEmail(e)) is { } wrong)
        {
            errors.Add("emails", $"'{wrong}' is not an e-mail address.", $"«{wrong}» — не адреса електронної пошти.");
        }
        if (errors.Any)
        {
            return CommandFailure.Invalid("The contacts are not valid", "Контакти неправильні", errors);
        }
        var before = new ContactsState(body.TelegramChat, body.Emails);
        body.TelegramChat = chat;
        body.Emails = string.Join(',', emails);
        body.ContactsSetOnPage = true;
        audit.Record(actor, body.Code, new ReviewBodyContactsChanged(before, new ContactsState(body.TelegramChat, body.Emails)));
        await db.SaveChangesAsync(ct);
        await notices.TellRoutedAsync(ct);
        return CommandResult.Done((await ListAsync(ct)).Single(b => b.Code == body.Code));
    }
}
