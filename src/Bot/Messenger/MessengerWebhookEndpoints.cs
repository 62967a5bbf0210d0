using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hromada.Core.Inbox;
using Hromada.Core.Proposals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Messenger;

/// <summary>
/// The webhook Meta calls: GET for the subscription check, POST for messaging events. A POST is checked against its
/// X-Hub-Signature-256 before anything else (only a call that fails it is counted by
/// <see cref="Security.WebhookRejections"/>), stored in the inbox, acknowledged, and then handled by the message pipeline.
/// </summary>
public static class MessengerWebhookEndpoints
{
    public const string Path = "/webhooks/messenger";

    public static IEndpointRouteBuilder MapMessengerWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Path).WithTags("Messenger");
        group.MapGet("/", Verify).WithName("MessengerVerify").WithSummary("Meta's webhook verification: echoes hub.challenge for the right verify token.");
        group.MapPost("/", Receive).WithName("MessengerReceive").WithSummary("Messaging events from Meta, signed with the app secret.");
        return endpoints;
    }

    internal static Results<ContentHttpResult, ProblemHttpResult> Verify(
        HttpRequest request, IOptions<MessengerOptions> options, Security.WebhookRejections rejections, ILoggerFactory loggers)
    {
        var mode = request.Query["hub.mode"].ToString();
        var token = request.Query["hub.verify_token"].ToString();
        var challenge = request.Query["hub.challenge"].ToString();
        if (mode == "subscribe" && FixedEquals(token, options.Value.VerifyToken))
        {
            loggers.CreateLogger(typeof(MessengerWebhookEndpoints)).LogInformation("Messenger webhook verified by Meta");
            return TypedResults.Text(challenge, "text/plain");
        }
        return rejections.Refuse(request.HttpContext, TypedResults.Problem(title: "Webhook verification failed",
            detail: "hub.mode must be subscribe and hub.verify_token must match.", statusCode: StatusCodes.Status403Forbidden));
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> Receive(
        HttpRequest request, IOptions<MessengerOptions> options, InboxWriter inbox, Security.WebhookRejections rejections,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(MessengerWebhookEndpoints));
        var body = await Channels.SignedWebhookBody.ReadAsync(request, ct);
        if (!SignatureMatches(request.Headers["X-Hub-Signature-256"].ToString(), body, options.Value.AppSecret))
        {
            logger.LogWarning("Messenger webhook POST rejected: missing or wrong X-Hub-Signature-256");
            return rejections.Refuse(request.HttpContext, TypedResults.Problem(title: "Invalid webhook signature",
                detail: "X-Hub-Signature-256 must be sha256= and the HMAC-SHA256 of the body with the app secret.",
                statusCode: StatusCodes.Status401Unauthorized));
        }

        IReadOnlyList<(MessengerEvent Event, string Raw)>? events;
        try
        {
            using var doc = JsonDocument.Parse(body);
            events = MessengerEvent.ParseWebhook(doc.RootElement);
        }
        catch (JsonException)
        {
            return TypedResults.Problem(title: "Webhook body is not JSON", statusCode: StatusCodes.Status400BadRequest);
        }
        if (events is null)
        {
            return TypedResults.Problem(title: "Not a Page webhook", detail: "The body's object must be \"page\".", statusCode: StatusCodes.Status404NotFound);
        }

        // Stored in the order they came (one sender's events are then handled in that order), all before the 200.
        var stored = 0;
        foreach (var (e, raw) in events)
        {
            var inbound = MessengerAdapter.Parse(e, e.ExternalId);
            if ((await inbox.StoreAsync(Channel.Messenger, e.ExternalId, e.SenderId, raw, inbound, ct: ct)).IsNew)
            {
                stored++;
            }
        }
        logger.LogInformation("Messenger webhook: {Events} event(s) to answer, {Stored} new", events.Count, stored);
        return TypedResults.Text("EVENT_RECEIVED", "text/plain");
    }

    /// <summary>True when <paramref name="header"/> is "sha256=" and the hex HMAC-SHA256 of <paramref name="body"/> keyed with the app secret.</summary>
    internal static bool SignatureMatches(string header, byte[] body, string appSecret)
    {
        const string prefix = "sha256=";
        return header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && Channels.SignedWebhookBody.HmacSha256Matches(header.AsSpan(prefix.Length), body, appSecret);
    }

    private static bool FixedEquals(string given, string expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected));
}
