namespace Hromada.Core.Access;

/// <summary>
/// A signed-in session of the working group's web page: its id travels in the (encrypted) cookie and is checked on
/// every request, so signing out or revoking the key ends it on the server, not only in the browser that had it.
/// </summary>
public sealed class AdminSession
{
    /// <summary>A random id (32 hex characters), never shown.</summary>
    public string Id { get; set; } = "";
    public int ApiKeyId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>Set at sign-out: the cookie no longer opens anything.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
