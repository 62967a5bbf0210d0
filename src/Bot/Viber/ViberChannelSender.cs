using Hromada.Core.Community;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Viber;

/// <summary>
/// Sends outbox messages to Viber: replies and notices with send_message, announcement copies gathered into
/// broadcast_message calls, and another page of a long list. A resident who unsubscribed is never written to. Says how
/// it went; retries and waits are the dispatcher's.
/// </summary>
internal sealed class ViberChannelSender(
    IServiceScopeFactory scopes, ViberBroadcaster broadcaster, IOptions<ViberOptions> options, IOptions<CommunityOptions> community,
    ILogger<ViberChannelSender> logger) : IChannelSender
{
    public Channel Channel => Channel.Viber;

    public PushLimits PushLimits { get; } = new(options.Value.PushesPerSecond, TimeSpan.Zero);

    public async Task<SendResult> SendAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (delivery.IsPublicPost)
        {
            return new SendResult(SendStatus.Refused, "Viber has no public post target.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var resident = await db.Residents.AsNoTracking()
            .Where(r => r.Channel == Channel.Viber && r.ChannelUserId == delivery.Recipient)
            .Select(r => new { r.IsBlocked })
            .FirstOrDefaultAsync(ct);
        if (delivery.Purpose != OutboxPurpose.Reply && resident?.IsBlocked == true)
        {
            return new SendResult(SendStatus.Blocked, "The resident unsubscribed from the Viber bot.", PartsSent: delivery.PartsSent);
        }

        var culture = community.Value.CultureOf(delivery.Language);
        var renderer = scope.ServiceProvider.GetRequiredService<ViberRenderer>();
        var api = scope.ServiceProvider.GetRequiredService<ViberApiClient>();
        if (delivery.Messages.Count == 0 && delivery.ReplyContext is { } page && page.StartsWith(ViberLayout.PagePrefix, StringComparison.Ordinal))
        {
            if (await renderer.RenderPageAsync(page, culture, ct) is not { } pageMessage)
            {
                logger.LogInformation("Viber resident {User} asked for a page of a list that is gone", delivery.Recipient);
                return SendResult.Sent(0);
            }
            var paged = await api.SendAsync(delivery.Recipient, pageMessage, ct);
            if (Outcome(paged, 0, options.Value.ThrottleWait) is { } pageFailure)
            {
                return pageFailure;
            }
            await ViberDeliveries.RememberAsync(db, [delivery.Id], ViberDeliveries.Tokens([paged.MessageToken]), ct);
            return SendResult.Sent(0);
        }

        if (delivery is { Purpose: OutboxPurpose.Announcement, PartsSent: 0, Messages: [{ Choices.Count: 0, RequestContact: false } only] }
            && only.Text.Length <= ViberLayout.MaxTextLength)
        {
            var copy = await broadcaster.SendAsync(delivery.Recipient, delivery.Id, new ViberMessage(only.Text.Trim()), ct);
            return Outcome(copy, 0, options.Value.ThrottleWait) ?? SendResult.Sent(1);
        }

        var sent = delivery.PartsSent;
        var tokens = new List<long?>();
        for (var i = delivery.PartsSent; i < delivery.Messages.Count; i++)
        {
            foreach (var message in await renderer.RenderAsync(delivery.Messages[i], culture, ct))
            {
                var result = await api.SendAsync(delivery.Recipient, message, ct);
                if (Outcome(result, sent, options.Value.ThrottleWait) is { } failure)
                {
                    return failure;
                }
                tokens.Add(result.MessageToken);
            }
            sent++;
        }
        // Kept so that a "failed" callback about one of these messages finds its row (see ViberDeliveries).
        await ViberDeliveries.RememberAsync(db, [delivery.Id], ViberDeliveries.Tokens(tokens), ct);
        return SendResult.Sent(sent);
    }

    /// <summary>Null when the call went through; otherwise what the dispatcher should do.</summary>
    internal static SendResult? Outcome(ViberResult result, int sent, TimeSpan throttleWait) => result switch
    {
        { Ok: true } => null,
        { Status: { } s } when ViberStatus.IsGone(s) => new SendResult(SendStatus.Blocked, result.ToString(), PartsSent: sent),
        { Status: ViberStatus.TooManyRequests } or { HttpStatus: 429 } =>
            new SendResult(SendStatus.Throttled, result.ToString(), throttleWait, sent) { PausesChannel = true },
        { Status: { } s } when ViberStatus.IsRefusal(s) => new SendResult(SendStatus.Refused, result.ToString(), PartsSent: sent),
        { Status: null, HttpStatus: >= 400 and < 500 } => new SendResult(SendStatus.Refused, result.ToString(), PartsSent: sent),
        // Network, 5xx, the account's own trouble (token, suspended, webhook not set) or an unknown status: try again later.
        _ => new SendResult(SendStatus.Failed, result.ToString(), PartsSent: sent),
    };
}
