using System.Text;
using System.Text.Json;
using Hromada.Core.Community;
using Hromada.Core.Inbox;
using Hromada.Core.Proposals;
using Hromada.Core.Resources;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.Viber;

/// <summary>
/// The callback URL Viber posts every event to. The body is checked against X-Viber-Content-Signature before anything
/// else (only a call that fails it is counted by <see cref="Security.WebhookRejections"/>); messages and
/// (un)subscriptions are stored in the inbox before the 200, and handled by the message pipeline. A
/// conversation_started is answered in the response itself (the welcome message), the only way Viber lets a bot speak
/// to someone who has not subscribed yet.
/// </summary>
public static class ViberWebhookEndpoints
{
    public const string Path = "/webhooks/viber";
    public const string SignatureHeader = "X-Viber-Content-Signature";

    public static IEndpointRouteBuilder MapViberWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, Receive).WithTags("Viber")
            .WithName("ViberReceive").WithSummary("Callbacks from Viber, signed with the bot's auth token.");
        return endpoints;
    }

    internal static async Task<Results<Ok, JsonHttpResult<JsonElement>, ProblemHttpResult>> Receive(
        HttpRequest request, IOptions<ViberOptions> options, IOptions<CommunityOptions> community, InboxWriter inbox,
        ViberApiClient api, Security.WebhookRejections rejections, HromadaDbContext db, TimeProvider time, ILoggerFactory loggers,
        CancellationToken ct)
    {
        var logger = loggers.CreateLogger(typeof(ViberWebhookEndpoints));
        var body = await Channels.SignedWebhookBody.ReadAsync(request, ct);
        if (!SignatureMatches(request.Headers[SignatureHeader].ToString(), body, options.Value.AuthToken))
        {
            logger.LogWarning("Viber callback rejected: missing or wrong {Header}", SignatureHeader);
            return rejections.Refuse(request.HttpContext, TypedResults.Problem(title: "Invalid callback signature",
                detail: $"{SignatureHeader} must be the hex HMAC-SHA256 of the body with the bot's auth token.",
                statusCode: StatusCodes.Status401Unauthorized));
        }

        ViberEvent? e;
        try
        {
            using var doc = JsonDocument.Parse(body);
            e = ViberEvent.Parse(doc.RootElement);
        }
        catch (JsonException)
        {
            return TypedResults.Problem(title: "Callback body is not JSON", statusCode: StatusCodes.Status400BadRequest);
        }
        if (e is null)
        {
            return TypedResults.Problem(title: "Not a Viber callback", detail: "The body must have an \"event\".", statusCode: StatusCodes.Status400BadRequest);
        }

        switch (e.Kind)
        {
            case ViberEventKind.ConversationStarted:
                logger.LogInformation("Viber: a conversation was opened; answered with the welcome message");
                return TypedResults.Json(Welcome(api, community.Value));
            case ViberEventKind.Message or ViberEventKind.Subscribed or ViberEventKind.Unsubscribed or ViberEventKind.Failed when e.UserId.Length > 0:
                var stored = await inbox.StoreAsync(Channel.Viber, e.ExternalId, e.UserId, Encoding.UTF8.GetString(body),
                    ViberAdapter.Parse(e, e.ExternalId), ct: ct);
                logger.LogInformation("Viber callback {Event} {Token}: {Stored}", e.Name, e.MessageToken, stored.IsNew ? "stored" : "seen before");
                if (e.Kind == ViberEventKind.Failed && stored.IsNew)
                {
                    // The message's outbox row (found by the token kept when it was sent) is marked failed with Viber's reason.
                    var rows = await ViberDeliveries.MarkFailedAsync(db, e.UserId, e.MessageToken, e.Description, time.GetUtcNow(), ct);
                    logger.LogWarning("Viber could not deliver message {Token} to {User}: {Reason} ({Row})", e.MessageToken, e.UserId, e.Description,
                        rows > 0 ? "its outbox row is marked failed" : "no outbox row keeps that token");
                }
                return TypedResults.Ok();
            default:
                // "webhook" (the check set_webhook makes), delivered, seen, client_status: nothing to keep.
                return TypedResults.Ok();
        }
    }

    /// <summary>The welcome message with a Start button whose reply ("/start") begins the conversation.</summary>
    private static JsonElement Welcome(ViberApiClient api, CommunityOptions community)
    {
        var culture = community.Culture;
        var message = new ViberMessage(Texts.Format("Viber_Greeting", culture, community.NameGenitive),
            new ViberKeyboard([new ViberButton(ViberLayout.Reply, ViberLayout.StartBody, Texts.Get("Viber_Start", culture), Silent: true)]));
        return JsonSerializer.SerializeToElement(api.Body(message), ViberJson.Options);
    }

    /// <summary>True when <paramref name="header"/> is the hex HMAC-SHA256 of <paramref name="body"/> keyed with the token, compared in constant time.</summary>
    internal static bool SignatureMatches(string header, byte[] body, string authToken) =>
        Channels.SignedWebhookBody.HmacSha256Matches(header, body, authToken);
}
