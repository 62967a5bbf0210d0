using System.Globalization;
using Hromada.Core.Conversation;

namespace Hromada.Bot.Messenger;

/// <summary>How sending one of our messages to a resident ended.</summary>
internal enum SendOutcome
{
    Sent,
    OutsideWindow,
    Blocked,
    Failed,
}

/// <summary>Renders and sends messages to one resident through the Send API, and marks a resident who blocked the Page.</summary>
internal sealed class MessengerSender(GraphApiClient graph, MessengerRenderer renderer, MessengerResidents residents, ILogger<MessengerSender> logger)
{
    public async Task<(SendOutcome Outcome, string? Error)> SendAsync(
        string psid, IEnumerable<OutboundMessage> messages, string messagingType, CultureInfo culture, CancellationToken ct)
    {
        foreach (var message in messages)
        {
            foreach (var graphMessage in await renderer.RenderAsync(message, culture, ct))
            {
                var result = await SendOneAsync(psid, graphMessage, messagingType, ct);
                if (result.Outcome != SendOutcome.Sent)
                {
                    return result;
                }
            }
        }
        return (SendOutcome.Sent, null);
    }

    public async Task<(SendOutcome Outcome, string? Error)> SendOneAsync(string psid, GraphMessage message, string messagingType, CancellationToken ct)
    {
        var result = await graph.SendAsync(psid, message, messagingType, ct);
        if (result.Ok)
        {
            return (SendOutcome.Sent, null);
        }

        var error = result.Error?.ToString() ?? $"HTTP {result.StatusCode}: {result.Detail}";
        if (result.Error is { IsOutsideWindow: true })
        {
            logger.LogInformation("Messenger refused a message to {Psid}: outside the 24-hour window", psid);
            return (SendOutcome.OutsideWindow, error);
        }
        if (result.Error is { IsRecipientUnavailable: true })
        {
            await residents.MarkBlockedAsync(psid, ct);
            return (SendOutcome.Blocked, error);
        }
        logger.LogError("Message to Messenger resident {Psid} not sent: {Error}", psid, error);
        return (SendOutcome.Failed, error);
    }
}
