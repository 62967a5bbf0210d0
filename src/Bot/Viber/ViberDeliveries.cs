using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Bot.Viber;

/// <summary>
/// Links Viber's <c>failed</c> callbacks to the outbox rows they are about. Viber names a sent message only by the
/// message_token it answered with, so the token is kept on the row once it is sent (in its channel data,
/// <see cref="OutboxMessage.ReplyContext"/>, which a sent row no longer needs); a failed callback for that token and user
/// then marks the row failed with Viber's reason, and the delivery report and the proposal's notice state show it.
/// </summary>
internal static class ViberDeliveries
{
    /// <summary>Kept tokens read <c>mt;{token};{token};</c> (every part of a message has its own).</summary>
    public const string Prefix = "mt;";

    private const int MaxLength = 200;

    public static string? Tokens(IEnumerable<long?> tokens)
    {
        var kept = tokens.OfType<long>().Select(t => t.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";").ToList();
        if (kept.Count == 0)
        {
            return null;
        }
        // The last parts are kept when all do not fit: a failure is likelier to be reported for the latest.
        while (Prefix.Length + kept.Sum(t => t.Length) > MaxLength)
        {
            kept.RemoveAt(0);
        }
        return Prefix + string.Concat(kept);
    }

    /// <summary>Keeps <paramref name="tokens"/> (from <see cref="Tokens"/>) on the rows; a row already gone is skipped.</summary>
    public static async Task RememberAsync(HromadaDbContext db, IReadOnlyCollection<long> outboxIds, string? tokens, CancellationToken ct)
    {
        if (tokens is null || outboxIds.Count == 0)
        {
            return;
        }
        await db.OutboxMessages.Where(m => outboxIds.Contains(m.Id)).ExecuteUpdateAsync(s => s.SetProperty(m => m.ReplyContext, tokens), ct);
    }

    /// <summary>Marks the row of message <paramref name="token"/> to <paramref name="userId"/> failed with Viber's reason; how many rows it found.</summary>
    public static Task<int> MarkFailedAsync(HromadaDbContext db, string userId, long token, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        var marker = ";" + token.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";";
        var error = $"Viber reported it undelivered: {(string.IsNullOrWhiteSpace(reason) ? "no reason given" : reason.Trim())}";
        if (error.Length > 1000)
        {
            error = error[..1000];
        }
        return db.OutboxMessages
            .Where(m => m.Channel == Channel.Viber && m.Recipient == userId && m.ReplyContext != null
                && m.ReplyContext.StartsWith(Prefix) && m.ReplyContext.Contains(marker))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.LastError, error)
                .SetProperty(m => m.CompletedAt, now), ct);
    }
}
