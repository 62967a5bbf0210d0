using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hromada.Bot.Channels;
using Hromada.Core.Inbox;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Channel = Hromada.Core.Proposals.Channel;

namespace Hromada.Bot.Telegram;

/// <summary>
/// Webhook mode: <c>POST /telegram/webhook</c>. The secret token is compared in constant time, before anything else
/// (a call without it is counted by <see cref="Security.WebhookRejections"/>; a call with it never is); the update is stored
/// (with others arriving at the same moment, in one commit) before the 200, then handled by the pipeline, so an
/// acknowledged update survives a restart and a redelivered one is stored once.
/// </summary>
internal static class TelegramWebhook
{
    public const string Path = "/telegram/webhook";

    public static IEndpointRouteBuilder MapTelegramWebhookEndpoint(this IEndpointRouteBuilder endpoints)
    {
        // Telegram's POSTs are taken by the short path (ShortPath) before they reach the routing; the route stays in the
        // table so that another method on the path is answered 405 as before, and so the endpoint still serves a host
        // built without the short path.
        endpoints.MapPost(Path, ReceiveAsync).WithTags("Telegram").WithName("TelegramWebhook").ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// The webhook's POST answered on a short branch of the pipeline: every update passes here, and the routing, the
    /// key check (authentication and authorization), the rate limiter, the status-code pages and the static files have
    /// nothing to do with it (the secret token is this path's check, and refused calls are counted by
    /// <see cref="Security.WebhookRejections"/>). What does apply to it is kept: the branch sits inside the outermost
    /// steps (the client's address from trusted proxies, the security headers, the API language), and has the exception
    /// handler (ProblemDetails) and the request body limit (413) of its own. Registered after the security's filter, so
    /// inside it.
    /// </summary>
    internal sealed class ShortPath(IOptions<TelegramOptions> options) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            if (options.Value is { IsOn: true, Mode: TelegramMode.Webhook })
            {
                app.MapWhen(IsWebhookPost, branch =>
                {
                    branch.UseExceptionHandler();
                    branch.UseMiddleware<Security.RequestBodyLimitMiddleware>();
                    var services = branch.ApplicationServices;
                    var telegram = services.GetRequiredService<IOptions<TelegramOptions>>();
                    var inbox = services.GetRequiredService<InboxWriter>();
                    var rejections = services.GetRequiredService<Security.WebhookRejections>();
                    var loggers = services.GetRequiredService<ILoggerFactory>();
                    branch.Run(async context =>
                    {
                        var answer = await ReceiveAsync(context.Request, telegram, inbox, rejections, loggers, context.RequestAborted);
                        await answer.ExecuteAsync(context);
                    });
                });
            }
            next(app);
        };

        private static bool IsWebhookPost(HttpContext context) =>
            HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// A Bot API call made in the webhook's answer, as the Bot API allows: the pressed button's spinner stops at once,
    /// without a request of our own.
    /// </summary>
    internal sealed record AnswerInline(
        [property: System.Text.Json.Serialization.JsonPropertyName("method")] string Method,
        [property: System.Text.Json.Serialization.JsonPropertyName("callback_query_id")] string CallbackQueryId);

    private static async Task<Results<Ok, JsonHttpResult<AnswerInline>, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, IOptions<TelegramOptions> options, InboxWriter inbox, Security.WebhookRejections rejections,
        ILoggerFactory loggers, CancellationToken ct)
    {
        var logger = loggers.CreateLogger("Hromada.Bot.Telegram.Webhook");
        var expected = Encoding.UTF8.GetBytes(options.Value.WebhookSecret);
        var given = Encoding.UTF8.GetBytes(request.Headers["X-Telegram-Bot-Api-Secret-Token"].ToString());
        if (expected.Length == 0 || !CryptographicOperations.FixedTimeEquals(expected, given))
        {
            logger.LogWarning("Telegram webhook: rejected a request without the right secret token from {Remote}", request.HttpContext.Connection.RemoteIpAddress);
            return rejections.Refuse(request.HttpContext, TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "Wrong secret token", detail: "X-Telegram-Bot-Api-Secret-Token must be the webhook's secret."));
        }
        // The body's size is bounded by the host's one request-body limit (Security/RequestBodyLimit): 413 past it.
        var body = await ReadAsync(request.Body, ct);

        Update? update;
        try
        {
            update = JsonSerializer.Deserialize<Update>(body, JsonBotAPI.Options);
        }
        catch (JsonException ex)
        {
            logger.LogWarning("Telegram webhook: malformed update ignored: {Error}", ex.Message);
            return TypedResults.Problem(statusCode: 400, title: "The body is not a Telegram update", detail: ex.Message);
        }
        if (update is null || update.Id <= 0)
        {
            logger.LogWarning("Telegram webhook: a body without update_id ignored");
            return TypedResults.Problem(statusCode: 400, title: "The body is not a Telegram update", detail: "update_id is missing.");
        }

        var inbound = TelegramAdapter.Parse(update);
        var answerNow = update.CallbackQuery is { } query && inbound.ReplyContext is not null;
        if (answerNow)
        {
            // Answered below in the webhook's response; the sender only removes the question's buttons.
            inbound = inbound with { ReplyContext = TelegramAdapter.ReplyContext.WithoutCallback(inbound.ReplyContext) };
        }
        var stored = await inbox.StoreAsync(Channel.Telegram, update.Id.ToString(CultureInfo.InvariantCulture), inbound.SenderKey, body, inbound, ct: ct);
        if (answerNow && stored.IsNew)
        {
            return TypedResults.Json(new AnswerInline("answerCallbackQuery", update.CallbackQuery!.Id));
        }
        return TypedResults.Ok();
    }

    /// <summary>
    /// The body as text, read into a pooled byte buffer (grown as needed) and decoded once. No reader or builder per
    /// request: every update passes here.
    /// </summary>
    private static async Task<string> ReadAsync(Stream body, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await body.ReadAsync(buffer.AsMemory(length), ct);
                if (read == 0)
                {
                    return Encoding.UTF8.GetString(buffer, 0, length);
                }
                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>
/// Webhook mode: at start-up tells Telegram where to post, with the secret and only the update types handled, again
/// and again until Telegram takes it (<see cref="WebhookRegistration"/>: until then <c>/healthz</c> says the bot is deaf).
/// </summary>
internal sealed class TelegramWebhookSetup(
    ITelegramBotClient bot, TelegramRetry retry, IOptions<TelegramOptions> options, WebhookRegistration registration) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        return registration.RunAsync("Telegram", "setWebhook", o.WebhookUrl, async ct =>
        {
            await retry.RunAsync(t => bot.SetWebhook(o.WebhookUrl, allowedUpdates: TelegramPolling.Handled,
                secretToken: o.WebhookSecret, cancellationToken: t), ct);
            return null;
        }, stoppingToken);
    }
}
