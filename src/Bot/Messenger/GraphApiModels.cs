using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hromada.Bot.Messenger;

/// <summary>Send API request body (POST /me/messages).</summary>
internal sealed record SendRequest(GraphRecipient Recipient, string MessagingType, GraphMessage Message);

internal sealed record GraphRecipient(string Id);

/// <summary>A Page feed post (POST /{page-id}/feed).</summary>
internal sealed record FeedPost(string Message);

/// <summary>A Page photo post (POST /{page-id}/photos): the picture's public address and the text shown with it.</summary>
internal sealed record PhotoPost(string Url, string Message);

/// <summary>
/// A text message with optional quick replies (at most 13); or, with <see cref="Attachment"/> and no text, a template
/// (the Send API takes one or the other).
/// </summary>
internal sealed record GraphMessage(string? Text, IReadOnlyList<GraphQuickReply>? QuickReplies = null, GraphAttachment? Attachment = null)
{
    /// <summary>
    /// The button template: <paramref name="text"/> (at most <see cref="MessengerLayout.MaxButtonTemplateText"/>
    /// characters) with one button that opens <paramref name="url"/>.
    /// </summary>
    public static GraphMessage WithUrlButton(string text, string title, string url, IReadOnlyList<GraphQuickReply>? quickReplies) =>
        new(null, quickReplies, new GraphAttachment("template", new GraphTemplate("button", text, [new GraphButton("web_url", title, Url: url)])));

    /// <summary>The generic template as a carousel: up to 10 cards side by side, each with a title and up to 3 buttons.</summary>
    public static GraphMessage Carousel(IReadOnlyList<GraphElement> cards) =>
        new(null, null, new GraphAttachment("template", new GraphTemplate("generic", Elements: cards)));
}

/// <summary>{"type":"template","payload":{…}}.</summary>
internal sealed record GraphAttachment(string Type, GraphTemplate Payload);

/// <summary>
/// A template's payload: the button template {"template_type":"button","text":…,"buttons":[…]} or the generic
/// template {"template_type":"generic","elements":[…]}.
/// </summary>
internal sealed record GraphTemplate(
    string TemplateType, string? Text = null, IReadOnlyList<GraphButton>? Buttons = null, IReadOnlyList<GraphElement>? Elements = null);

/// <summary>A generic template's card: {"title" (at most 80 characters),"subtitle","buttons":[… at most 3]}.</summary>
internal sealed record GraphElement(string Title, string? Subtitle, IReadOnlyList<GraphButton> Buttons);

/// <summary>
/// A URL button {"type":"web_url","title","url"} or a postback button {"type":"postback","title","payload"}; titles at
/// most 20 characters.
/// </summary>
internal sealed record GraphButton(string Type, string Title, string? Url = null, string? Payload = null);

/// <summary>content_type "text" with title and payload, or "user_phone_number" alone.</summary>
internal sealed record GraphQuickReply(string ContentType, string? Title = null, string? Payload = null);

/// <summary>The Graph API's error body: {"error":{"message","type","code","error_subcode","fbtrace_id"}}.</summary>
internal sealed record GraphError(string? Message, string? Type, int Code, int? ErrorSubcode, string? FbtraceId)
{
    /// <summary>Throttling (4 application, 17 user, 32 Page, 613 calls): wait, then retry.</summary>
    public bool IsThrottled => Code is 4 or 17 or 32 or 613;

    /// <summary>"Temporary send message failure" (1200) and Graph's own "unexpected error" (1, 2): retry with backoff.</summary>
    public bool IsTransient => Code is 1 or 2 or 1200;

    /// <summary>The resident last wrote more than 24 hours ago (10 / 2018278).</summary>
    public bool IsOutsideWindow => Code == 10 && ErrorSubcode == 2018278;

    /// <summary>The person blocked the Page or is otherwise unreachable (551; 200 / 1545041).</summary>
    public bool IsRecipientUnavailable => Code == 551 || (Code == 200 && ErrorSubcode == 1545041);

    public override string ToString() =>
        $"Graph error {Code}{(ErrorSubcode is { } s ? $"/{s}" : "")} ({Type}): {Message} [fbtrace_id {FbtraceId}]";

    public static GraphError? TryParse(string body)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<GraphErrorEnvelope>(body, GraphJson.Options);
            return envelope?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record GraphErrorEnvelope(GraphError? Error);
}

/// <summary>How one Graph call ended, after retries.</summary>
internal sealed record GraphResult(bool Ok, int StatusCode, GraphError? Error, string? Detail = null)
{
    public static GraphResult Success(int status) => new(true, status, null);
}

internal static class GraphJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
