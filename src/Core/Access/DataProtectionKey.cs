namespace Hromada.Core.Access;

/// <summary>
/// One of the keys that protect the web page's sign-in cookies and form tokens, as the XML ASP.NET Core's data
/// protection writes. Kept in the database so that a restart, a move to another folder or a restore from a backup
/// does not sign everyone out.
/// </summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
    public DateTimeOffset StoredAt { get; set; }
}
