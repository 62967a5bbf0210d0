namespace Hromada.Core.Inbox;

/// <summary>
/// Which instance handles one sender's messages now, until <see cref="ExpiresAt"/>. With one instance it is always
/// this one; with several sharing a database, it keeps one sender's messages in order across instances.
/// </summary>
public sealed class SenderLease
{
    /// <summary><c>{channel}:{sender key}</c>.</summary>
    public string Key { get; set; } = "";
    public string Owner { get; set; } = "";
    public DateTimeOffset ExpiresAt { get; set; }
}
