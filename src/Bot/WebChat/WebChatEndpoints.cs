using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Hromada.Bot.Security;
using Hromada.Core.Conversation;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hromada.Bot.WebChat;

/// <summary>
/// The web chat's JSON API. A session is a random token the browser keeps; it is the resident's id in the web chat
/// channel, so a reload resumes the conversation from the database.
/// </summary>
public static partial class WebChatEndpoints
{
    private const int MaxTextLength = 20_000;

    public static IEndpointRouteBuilder MapWebChatApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/webchat").WithTags("Web chat").RequireRateLimiting(RateLimitPolicies.WebChatMessages);
        api.MapPost("/sessions", StartAsync).WithName("StartWebChat")
            .WithSummary("A new session token and the bot's greeting.").RequireRateLimiting(RateLimitPolicies.WebChatSessions).RequireJsonContentType();
        api.MapGet("/sessions/{token}", ResumeAsync).WithName("ResumeWebChat")
            .WithSummary("Notices waiting for the resident, then the current question again (for a reloaded page).");
        api.MapPost("/sessions/{token}/messages", SendAsync).WithName("SendWebChatMessage")
            .WithSummary("The resident's message (text or a chosen option's value) and the bot's answer. A retried clientMessageId is answered once.");
        return endpoints;
    }

    public sealed record ChoiceDto(string Label, string Value);

    public sealed record MessageDto(string Text, IReadOnlyList<ChoiceDto> Choices, bool RequestContact);

    public sealed record SessionDto(string Token, IReadOnlyList<MessageDto> Messages);

    public sealed record RepliesDto(IReadOnlyList<MessageDto> Messages, bool Duplicate);

    public sealed record InboundDto(string? ClientMessageId, string? Text, string? Choice);

    private static async Task<Ok<SessionDto>> StartAsync(IConversationEngine engine, CancellationToken ct)
    {
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var reply = await engine.ResumeAsync(Channel.WebChat, token, ct);
        return TypedResults.Ok(new SessionDto(token, Map(reply)));
    }

    private static async Task<Results<Ok<RepliesDto>, ProblemHttpResult>> ResumeAsync(
        string token, IConversationEngine engine, HromadaDbContext db, CancellationToken ct)
    {
        if (!IsToken(token))
        {
            return BadToken();
        }
        if (!await IsKnownAsync(db, token, ct))
        {
            return UnknownToken();
        }
        var reply = await engine.ResumeAsync(Channel.WebChat, token, ct);
        return TypedResults.Ok(new RepliesDto(Map(reply), false));
    }

    private static async Task<Results<Ok<RepliesDto>, ProblemHttpResult, ValidationProblem>> SendAsync(
        string token, InboundDto? input, IConversationEngine engine, HromadaDbContext db, CancellationToken ct)
    {
        if (!IsToken(token))
        {
            return BadToken();
        }
        if (!await IsKnownAsync(db, token, ct))
        {
            return UnknownToken();
        }
        var errors = new Dictionary<string, string[]>();
        if (input is null)
        {
            errors["body"] = ["Send {\"clientMessageId\": \"…\", \"text\": \"…\"} or {\"clientMessageId\": \"…\", \"choice\": \"…\"}."];
        }
        else
        {
            if (string.IsNullOrWhiteSpace(input.ClientMessageId) || input.ClientMessageId.Length > 100)
            {
                errors["clientMessageId"] = ["A client message id of 1 to 100 characters is required."];
            }
            if (string.IsNullOrWhiteSpace(input.Text) == string.IsNullOrWhiteSpace(input.Choice))
            {
                errors["text"] = ["Send either text or a choice."];
            }
            if (input.Text is { Length: > MaxTextLength })
            {
                errors["text"] = [$"The message is longer than {MaxTextLength} characters."];
            }
            if (input.Choice is { Length: > 64 })
            {
                errors["choice"] = ["A choice value is at most 64 characters."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The message is not valid");
        }

        var message = new InboundMessage(Channel.WebChat, token, $"{token}:{input!.ClientMessageId}")
        {
            Text = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text,
            ChoiceValue = string.IsNullOrWhiteSpace(input.Choice) ? null : input.Choice,
            LanguageCode = "uk",
        };
        var reply = await engine.HandleAsync(message, ct);
        return TypedResults.Ok(new RepliesDto(Map(reply), reply.IsDuplicate));
    }

    private static List<MessageDto> Map(ConversationReply reply) =>
        reply.Messages.Select(m => new MessageDto(m.Text, m.Choices.Select(c => new ChoiceDto(c.Label, c.Value)).ToList(), m.RequestContact)).ToList();

    private static bool IsToken(string token) => TokenPattern().IsMatch(token);

    private static ProblemHttpResult BadToken() =>
        TypedResults.Problem(statusCode: 400, title: "Not a web chat session token", detail: "Start a session with POST /api/webchat/sessions.");

    // A session exists while its resident does: "forget" deletes the resident, and the browser then starts afresh.
    private static Task<bool> IsKnownAsync(HromadaDbContext db, string token, CancellationToken ct) =>
        db.Residents.AnyAsync(r => r.Channel == Channel.WebChat && r.ChannelUserId == token, ct);

    private static ProblemHttpResult UnknownToken() =>
        TypedResults.Problem(statusCode: 404, title: "Unknown web chat session", detail: "Start a new session with POST /api/webchat/sessions.");

    [GeneratedRegex("^[A-Za-z0-9_-]{22,64}$")]
    private static partial Regex TokenPattern();
}
