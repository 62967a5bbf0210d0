using Hromada.Core.Announcements;
using Hromada.Core.Outbox;
using Hromada.Core.Pipeline;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Instagram;

/// <summary>
/// Publishes an announcement to the Instagram account: a media container with the card's public URL and the text as
/// its caption, its status read until it is FINISHED (a bounded number of times), then media_publish. A container that
/// does not get ready, and errors that may pass, are failures the outbox retries; throttling waits.
/// </summary>
internal sealed class InstagramChannelSender(
    IServiceScopeFactory scopes, IOptions<InstagramOptions> options, TimeProvider time, ILogger<InstagramChannelSender> logger) : IChannelSender
{
    public Channel Channel => Channel.Instagram;

    /// <summary>One post at a time: Instagram allows a few dozen posts a day, and each one waits for its container.</summary>
    public PushLimits PushLimits { get; } = new(1, TimeSpan.Zero);

    public async Task<SendResult> SendAsync(OutboxDelivery delivery, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (!delivery.IsPublicPost)
        {
            return new SendResult(SendStatus.Refused, "Instagram carries only the account's own posts, not messages to people.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var announcementId = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == delivery.Id).Select(m => m.AnnouncementId).SingleOrDefaultAsync(ct);
        var publicId = await db.Announcements.AsNoTracking().Where(a => a.Id == announcementId).Select(a => (Guid?)a.PublicId).SingleOrDefaultAsync(ct);
        if (publicId is not { } id)
        {
            return new SendResult(SendStatus.Refused, "An Instagram post must be an announcement's: there is no card to publish.");
        }
        var imageUrl = scope.ServiceProvider.GetRequiredService<AnnouncementCards>().UrlOf(id);
        var caption = string.Join("\n\n", delivery.Messages.Select(m => m.Text));
        var api = scope.ServiceProvider.GetRequiredService<InstagramApiClient>();

        var created = await api.CreateImageContainerAsync(delivery.Recipient, imageUrl, caption, ct);
        if (created.Value?.Id is not { Length: > 0 } containerId)
        {
            return Outcome(created.Ok ? created with { Detail = "the container's answer had no id" } : created);
        }

        var o = options.Value;
        var checks = RetryPolicy.Every(o.StatusCheckInterval, o.StatusChecks);
        string? last = null;
        for (var check = 1; ; check++)
        {
            var status = await api.ContainerAsync(containerId, ct);
            if (!status.Ok)
            {
                return Outcome(status);
            }
            last = status.Value!.StatusCode;
            if (last is InstagramContainer.Finished)
            {
                break;
            }
            if (last is InstagramContainer.Error or InstagramContainer.Expired)
            {
                return new SendResult(SendStatus.Failed,
                    $"Instagram could not prepare the post: container {containerId} is {last} ({status.Value.Status}); card {imageUrl}");
            }
            if (!await checks.WaitAsync(check, time, ct))
            {
                break;
            }
        }
        if (last is not InstagramContainer.Finished)
        {
            return new SendResult(SendStatus.Failed,
                $"Instagram's container {containerId} was not ready after {o.StatusChecks} status checks (last: {last ?? "none"}); the post is tried again.");
        }

        var published = await api.PublishAsync(delivery.Recipient, containerId, ct);
        if (!published.Ok)
        {
            return Outcome(published);
        }
        logger.LogInformation("Announcement {PublicId} published to Instagram account {UserId} as media {MediaId}", id, delivery.Recipient, published.Value!.Id);
        return SendResult.Sent(delivery.Messages.Count);
    }

    private SendResult Outcome<T>(InstagramResult<T> result) where T : class
    {
        var error = result.Describe();
        return result switch
        {
            // 9: the account's publishing limit (posts in 24 hours); the others are Graph's throttling codes.
            { Error.Code: 4 or 9 or 17 or 32 or 613 } or { StatusCode: 429 } =>
                new SendResult(SendStatus.Throttled, error, options.Value.ThrottleWait) { PausesChannel = true },
            { Error.IsTransient: true } or { StatusCode: 0 or >= 500 } => new SendResult(SendStatus.Failed, error),
            // 9004: Instagram could not fetch the card (the service was briefly unreachable from outside).
            { Error.Code: 9004 } => new SendResult(SendStatus.Failed, error),
            { Ok: true } => new SendResult(SendStatus.Failed, error),
            _ => new SendResult(SendStatus.Refused, error),
        };
    }
}
