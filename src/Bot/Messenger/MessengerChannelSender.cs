using Hromada.Core.Announcements;
using Hromada.Core.Community;
using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Messenger;

/// <summary>
/// Sends outbox messages through the Send API (replies as RESPONSE; notices and announcements as UPDATE, and only
/// inside Meta's 24-hour window — outside it they are held for the resident's next message), posts to the Page feed
/// (a photo post when the announcement's card goes with it),
/// and shows another page of a long list. Says how it went; retries and waits are the dispatcher's.
/// </summary>
internal sealed class MessengerChannelSender(
    IServiceScopeFactory scopes, IOptions<MessengerOptions> options, IOptions<CommunityOptions> community, TimeProvider time,
    ILogger<MessengerChannelSender> logger) : IChannelSender
{
    public Channel Channel => Channel.Messenger;

    public PushLimits PushLimits { get; } = new(options.Value.PushesPerSecond, TimeSpan.Zero);

    public async Task<SendResult> SendAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        await using var scope = scopes.CreateAsyncScope();
        var graph = scope.ServiceProvider.GetRequiredService<GraphApiClient>();
        if (delivery.IsPublicPost)
        {
            var text = string.Join("\n\n", delivery.Messages.Select(m => m.Text));
            if (delivery.Messages.Select(m => m.ImageUrl).FirstOrDefault(u => u is not null) is { } imageUrl)
            {
                var photo = Outcome(await graph.PostPhotoAsync(delivery.Recipient, imageUrl, text, ct), 0);
                if (photo is not { Status: SendStatus.Refused } refused)
                {
                    return photo ?? SendResult.Sent(delivery.Messages.Count);
                }
                // Facebook did not take the picture (it could not fetch it, or it is not one): the text goes alone.
                logger.LogWarning("The Page did not take the picture {ImageUrl} ({Error}); posting the text without it", imageUrl, refused.Error);
            }
            return Outcome(await graph.PostToFeedAsync(delivery.Recipient, text, ct), 0) ?? SendResult.Sent(delivery.Messages.Count);
        }

        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var resident = await db.Residents.AsNoTracking()
            .Where(r => r.Channel == Channel.Messenger && r.ChannelUserId == delivery.Recipient)
            .Select(r => new { r.LastInboundAt })
            .FirstOrDefaultAsync(ct);
        if (delivery.Purpose != OutboxPurpose.Reply && (resident?.LastInboundAt is not { } last || time.GetUtcNow() - last >= AnnouncementBroadcaster.MessengerWindow))
        {
            return new SendResult(SendStatus.OutsideWindow,
                "Messenger allows a Page to write only within 24 hours of the person's last message; handed over with the reply to their next message.");
        }

        var culture = community.Value.CultureOf(delivery.Language);
        var renderer = scope.ServiceProvider.GetRequiredService<MessengerRenderer>();
        var messagingType = delivery.Purpose == OutboxPurpose.Reply ? GraphApiClient.MessagingTypeResponse : GraphApiClient.MessagingTypeUpdate;
        if (delivery.Messages.Count == 0 && delivery.ReplyContext is { } page && page.StartsWith(MessengerLayout.PagePrefix, StringComparison.Ordinal))
        {
            if (await renderer.RenderPageAsync(page, culture, ct) is not { } pageMessage)
            {
                logger.LogInformation("Messenger resident {Psid} asked for a page of a list that is gone", delivery.Recipient);
                return SendResult.Sent(0);
            }
            return Outcome(await graph.SendAsync(delivery.Recipient, pageMessage, messagingType, ct), 0) ?? SendResult.Sent(0);
        }

        var sent = delivery.PartsSent;
        for (var i = delivery.PartsSent; i < delivery.Messages.Count; i++)
        {
            foreach (var graphMessage in await renderer.RenderAsync(delivery.Messages[i], culture, ct))
            {
                if (Outcome(await graph.SendAsync(delivery.Recipient, graphMessage, messagingType, ct), sent) is { } failure)
                {
                    return failure;
                }
            }
            sent++;
        }
        return SendResult.Sent(sent);
    }

    /// <summary>Null when the call went through; otherwise what the dispatcher should do.</summary>
    private SendResult? Outcome(GraphResult result, int sent)
    {
        if (result.Ok)
        {
            return null;
        }
        var error = result.Error?.ToString() ?? $"HTTP {result.StatusCode}: {result.Detail}";
        return result switch
        {
            { Error.IsOutsideWindow: true } => new SendResult(SendStatus.OutsideWindow, error, PartsSent: sent),
            { Error.IsRecipientUnavailable: true } => new SendResult(SendStatus.Blocked, error, PartsSent: sent),
            { Error.IsThrottled: true } or { StatusCode: 429 } =>
                new SendResult(SendStatus.Throttled, error, options.Value.ThrottleWait, sent) { PausesChannel = true },
            { Error.IsTransient: true } or { StatusCode: 0 or >= 500 } => new SendResult(SendStatus.Failed, error, PartsSent: sent),
            _ => new SendResult(SendStatus.Refused, error, PartsSent: sent),
        };
    }
}
