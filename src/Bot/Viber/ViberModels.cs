using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hromada.Bot.Viber;

/// <summary>The sender shown on a message: {"name","avatar"}.</summary>
internal sealed record ViberSender(string Name, string? Avatar);

/// <summary>
/// A text message as send_message, broadcast_message and the conversation_started answer take it (the receiver or
/// broadcast list is added by the call). <c>min_api_version</c> 3 when the keyboard has a share-phone button.
/// </summary>
internal sealed record ViberMessage(string Text, ViberKeyboard? Keyboard = null)
{
    public string Type { get; init; } = "text";

    public int? MinApiVersion => Keyboard?.Buttons.Any(b => b.ActionType == ViberLayout.SharePhone) == true ? 3 : null;
}

/// <summary>A custom keyboard: {"Type":"keyboard","Buttons":[…]} (Viber writes keyboard fields in PascalCase).</summary>
internal sealed record ViberKeyboard(
    [property: JsonPropertyName("Buttons")] IReadOnlyList<ViberButton> Buttons)
{
    [JsonPropertyName("Type")]
    public string Type { get; init; } = "keyboard";

    [JsonPropertyName("DefaultHeight")]
    public bool DefaultHeight { get; init; }
}

/// <summary>One keyboard button: a reply (its ActionBody comes back as a text message) or the share-phone button.</summary>
internal sealed record ViberButton(
    [property: JsonPropertyName("ActionType")] string ActionType,
    [property: JsonPropertyName("ActionBody")] string ActionBody,
    [property: JsonPropertyName("Text")] string Text,
    [property: JsonPropertyName("Columns")] int Columns = 6,
    [property: JsonPropertyName("Rows")] int Rows = 1,
    [property: JsonPropertyName("Silent")] bool? Silent = null);

/// <summary>The answer of every call: HTTP 200 with {"status":0,"status_message":"ok",…}; anything else in status is an error.</summary>
internal sealed record ViberResponse(int Status, string? StatusMessage, long? MessageToken, IReadOnlyList<ViberFailedReceiver>? FailedList);

/// <summary>A receiver broadcast_message could not deliver to, with its own status.</summary>
internal sealed record ViberFailedReceiver(string Receiver, int Status, string? StatusMessage);

/// <summary>Viber's status codes (developers.viber.com, REST Bot API, "Error codes").</summary>
internal static class ViberStatus
{
    public const int Ok = 0;
    public const int InvalidUrl = 1;
    public const int InvalidAuthToken = 2;
    public const int BadData = 3;
    public const int MissingData = 4;
    public const int ReceiverNotRegistered = 5;
    public const int ReceiverNotSubscribed = 6;
    public const int TooManyRequests = 12;
    public const int ApiVersionNotSupported = 13;
    public const int IncompatibleWithVersion = 14;
    public const int ReceiverNoSuitableDevice = 11;

    /// <summary>The resident unsubscribed or left Viber: stop writing to them.</summary>
    public static bool IsGone(int status) => status is ReceiverNotRegistered or ReceiverNotSubscribed;

    /// <summary>Our request is wrong or can never reach this receiver: retrying the same call cannot help.</summary>
    public static bool IsRefusal(int status) =>
        status is InvalidUrl or BadData or MissingData or ApiVersionNotSupported or IncompatibleWithVersion or ReceiverNoSuitableDevice;
}

/// <summary>How one call ended: the JSON status (0 when it went through), or an HTTP/network failure (Status null).</summary>
internal sealed record ViberResult(int? Status, int HttpStatus, string? Detail, IReadOnlyList<ViberFailedReceiver> FailedList)
{
    public bool Ok => Status == ViberStatus.Ok;

    /// <summary>The token Viber gave the message (its callbacks, "failed" among them, name the message by it).</summary>
    public long? MessageToken { get; init; }

    public override string ToString() => Status is { } s
        ? $"Viber status {s}: {Detail}"
        : $"HTTP {HttpStatus}: {Detail}";
}

internal static class ViberJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
