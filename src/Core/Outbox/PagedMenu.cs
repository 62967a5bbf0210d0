namespace Hromada.Core.Outbox;

/// <summary>
/// A list of choices too long for one message of a channel (Messenger shows 13 quick replies), stored by the hash of its
/// content so any instance can show another page of it when the resident taps "next".
/// </summary>
public sealed class PagedMenu
{
    public string Key { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
