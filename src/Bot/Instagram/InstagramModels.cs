using Hromada.Bot.Messenger;

namespace Hromada.Bot.Instagram;

/// <summary>The answer of POST /{ig-user-id}/media and /media_publish: {"id": "…"}.</summary>
internal sealed record InstagramId(string? Id);

/// <summary>An IG Container read with fields=status_code,status.</summary>
internal sealed record InstagramContainer(string? Id, string? StatusCode, string? Status)
{
    public const string Finished = "FINISHED";
    public const string InProgress = "IN_PROGRESS";
    public const string Error = "ERROR";
    public const string Expired = "EXPIRED";
    public const string Published = "PUBLISHED";
}

/// <summary>How one Graph call ended: the answer, or the Graph error (or HTTP status 0 when nothing came back).</summary>
internal sealed record InstagramResult<T>(T? Value, int StatusCode, GraphError? Error, string? Detail = null) where T : class
{
    public bool Ok => Value is not null;

    public string Describe() => Error?.ToString() ?? $"HTTP {StatusCode}: {Detail}";
}
