using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hromada.Admin.Commands;
using Hromada.Bot.Security;
using Hromada.Core.Conversation;
using Hromada.Core.Inbox;
using Hromada.Core.Proposals;
using Hromada.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Hromada.Bot.WebChat;

/// <summary>
/// The web chat's JSON API. A session is a random token the browser keeps for the tab and sends in the
/// <c>X-Chat-Session</c> header (never in the URL, which proxies log). Nothing is stored until the resident's first
/// message. A message goes through the same pipeline as Telegram's and Messenger's (inbox, engine, outbox); the
/// answer comes back in the same request when it is ready within a few seconds, otherwise from <c>/updates</c>.
/// </summary>
public static partial class WebChatEndpoints
{
    public const string SessionHeader = "X-Chat-Session";

    /// <summary>Sent by the widget with every call: a cross-site form cannot set it, and a script on another site cannot without CORS.</summary>
    public const string ClientHeader = "X-Chat-Client";

    private const int MaxTextLength = 20_000;

    public static IEndpointRouteBuilder MapWebChatApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/webchat").WithTags("Web chat").RequireRateLimiting(RateLimitPolicies.WebChatMessages);
        api.MapPost("/sessions", StartAsync).WithName("StartWebChat")
            .WithSummary("A new session token and the bot's greeting. Nothing is stored until the first message. Needs the X-Chat-Client header and a JSON body ({}).").RequireRateLimiting(RateLimitPolicies.WebChatSessions).RequireJsonContentType();
        api.MapGet("/session", ResumeAsync).WithName("ResumeWebChat")
            .WithSummary("For a reloaded page: what the bot sent after `after` and was not shown yet, then the current question again.");
        api.MapPost("/messages", SendAsync).WithName("SendWebChatMessage")
            .WithSummary("The resident's message (text or a chosen option's value) and the bot's answer; a retried clientMessageId is answered once.");
        api.MapGet("/updates", UpdatesAsync).WithName("WebChatUpdates")
            .WithSummary("Messages the bot sent to the session after `after` (a decision, an announcement, a late answer).");
        return endpoints;
    }

    public sealed record ChoiceDto(string Label, string Value);

    /// <summary>
    /// A bot message. Messages from the outbox carry the <see cref="Id"/> of the outbox message they belong to (the widget
    /// sends the highest back as <c>after</c>) and their <see cref="Part"/> in it; together they name the message once.
    /// <see cref="Updates"/>: the question already shown, with new choices (the widget refreshes its buttons only).
    /// </summary>
    public sealed record MessageDto(string Text, IReadOnlyList<ChoiceDto> Choices, bool RequestContact, long? Id = null, int Part = 0, bool Updates = false)
    {
        internal static MessageDto From(OutboundMessage m, long? id = null, int part = 0) =>
            new(m.Text, m.Choices.Select(c => new ChoiceDto(c.Label, c.Value)).ToList(), m.RequestContact, id, part, m.Updates);
    }

    public sealed record SessionDto(string Token, IReadOnlyList<MessageDto> Messages);

    /// <summary>Messages for the session, the cursor to send next time, and whether the answer is still being prepared.</summary>
    public sealed record RepliesDto(IReadOnlyList<MessageDto> Messages, long LastId, bool Pending, MessageDto? Current = null);

    public sealed record InboundDto(string? ClientMessageId, string? Text, string? Choice, long? After);

    private static async Task<Results<Ok<SessionDto>, ProblemHttpResult>> StartAsync(HttpRequest request, ConversationTurns engine, CancellationToken ct)
    {
        if (!request.Headers.ContainsKey(ClientHeader))
        {
            return MissingClientHeader();
        }
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var reply = await engine.ResumeAsync(Channel.WebChat, token, ct);
        return TypedResults.Ok(new SessionDto(token, reply.Messages.Select(m => MessageDto.From(m)).ToList()));
    }

    private static async Task<Results<Ok<RepliesDto>, ProblemHttpResult>> ResumeAsync(
        HttpRequest request, long? after, ConversationTurns engine, WebChatDelivery delivery, CancellationToken ct)
    {
        if (Session(request) is not { } token)
        {
            return BadSession();
        }
        var (messages, lastId) = await delivery.TakeAsync(token, after ?? 0, ct);
        var current = await engine.ResumeAsync(Channel.WebChat, token, ct);
        var currentMessages = current.Messages.Select(m => MessageDto.From(m)).ToList();
        // Held notices come first; the current question is the last message of the resume.
        messages.AddRange(currentMessages.SkipLast(1));
        return TypedResults.Ok(new RepliesDto(messages, lastId, false, currentMessages.LastOrDefault()));
    }

    private static async Task<Results<Ok<RepliesDto>, ProblemHttpResult>> UpdatesAsync(
        HttpRequest request, long? after, WebChatDelivery delivery, CancellationToken ct)
    {
        if (Session(request) is not { } token)
        {
            return BadSession();
        }
        var (messages, lastId) = await delivery.TakeAsync(token, after ?? 0, ct);
        return TypedResults.Ok(new RepliesDto(messages, lastId, false));
    }

    private static async Task<Results<Ok<RepliesDto>, ProblemHttpResult, ValidationProblem>> SendAsync(
        HttpRequest request, InboundDto? input, InboxWriter inbox, WebChatDelivery delivery, IOptions<WebChatOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        if (Session(request) is not { } token)
        {
            return BadSession();
        }
        if (Validate(input) is { } problem)
        {
            return problem;
        }
        var post = new WebChatPost(token, string.IsNullOrWhiteSpace(input!.Text) ? null : input.Text, string.IsNullOrWhiteSpace(input.Choice) ? null : input.Choice);
        var externalId = WebChatMessageIds.Of(token, input.ClientMessageId!);
        var stored = await inbox.StoreAsync(Channel.WebChat, externalId, token, WebChatAdapter.Write(post), WebChatAdapter.Parse(post, externalId),
            trackHandling: true, ct: ct);
        var handled = true;
        if (stored.Handled is { } handling)
        {
            try
            {
                await handling.WaitAsync(options.Value.ReplyWait, time, ct);
            }
            catch (TimeoutException)
            {
                // Still being handled: the widget fetches the answer from /updates.
                handled = false;
            }
        }
        var (messages, lastId) = await delivery.TakeAsync(token, input.After ?? 0, ct);
        return TypedResults.Ok(new RepliesDto(messages, lastId, Pending: !handled));
    }

    private static ValidationProblem? Validate(InboundDto? input)
    {
        var errors = new FieldErrors();
        if (input is null)
        {
            errors.Add("body", "Send {\"clientMessageId\": \"…\", \"text\": \"…\"} or {\"clientMessageId\": \"…\", \"choice\": \"…\"}.",
                "Надішліть {\"clientMessageId\": \"…\", \"text\": \"…\"} або {\"clientMessageId\": \"…\", \"choice\": \"…\"}.");
        }
        else
        {
            if (string.IsNullOrWhiteSpace(input.ClientMessageId) || input.ClientMessageId.Length > 100)
            {
                errors.Add("clientMessageId", "A client message id of 1 to 100 characters is required.", "Потрібен clientMessageId від 1 до 100 символів.");
            }
            if (string.IsNullOrWhiteSpace(input.Text) == string.IsNullOrWhiteSpace(input.Choice))
            {
                errors.Add("text", "Send either text or a choice.", "Надішліть або текст, або вибір (choice).");
            }
            if (input.Text is { Length: > MaxTextLength })
            {
                errors.Add("text", $"The message is longer than {MaxTextLength} characters.", $"Повідомлення довше за {MaxTextLength} символів.");
            }
            if (input.Choice is { Length: > 64 })
            {
                errors.Add("choice", "A choice value is at most 64 characters.", "Значення вибору — не більше 64 символів.");
            }
            if (input.After is < 0)
            {
                errors.Add("after", "after is the id of the last message shown, 0 or more.", "after — номер останнього показаного повідомлення, 0 або більше.");
            }
        }
        return errors.Any ? TypedResults.ValidationProblem(errors.ToApi(), title: ApiLanguage.Pick("The message is not valid", "Повідомлення неправильне")) : null;
    }

    private static string? Session(HttpRequest request)
    {
        var token = request.Headers[SessionHeader].ToString();
        return TokenPattern().IsMatch(token) ? token : null;
    }

    private static ProblemHttpResult BadSession() =>
        TypedResults.Problem(statusCode: 400, title: ApiLanguage.Pick("No web chat session", "Немає сеансу вебчату"),
            detail: ApiLanguage.Pick($"Send the token from POST /api/webchat/sessions in the {SessionHeader} header.",
                $"Надішліть токен від POST /api/webchat/sessions у заголовку {SessionHeader}."));

    private static ProblemHttpResult MissingClientHeader() =>
        TypedResults.Problem(statusCode: 400, title: ApiLanguage.Pick("Not the web chat widget", "Це не віджет вебчату"),
            detail: ApiLanguage.Pick($"Start a session from the widget (it sends the {ClientHeader} header).",
                $"Почніть сеанс із віджета (він надсилає заголовок {ClientHeader})."));

    [GeneratedRegex("^[A-Za-z0-9_-]{22,64}$")]
    private static partial Regex TokenPattern();
}
