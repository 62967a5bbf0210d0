namespace Hromada.Core.Access;

/// <summary>Roles of the admin API.</summary>
public enum AdminRole
{
    Admin,
    WorkingGroup,
    Reviewer,
    Communications,
}

/// <summary>An admin API key: only a salted hash of it is stored.</summary>
public sealed class ApiKey
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public AdminRole Role { get; set; }

    /// <summary>For <see cref="AdminRole.Reviewer"/>: the review body the key is bound to.</summary>
    public int? ReviewBodyId { get; set; }

    /// <summary>Lookup prefix of the key (not secret), so verification hashes one candidate.</summary>
    public string Prefix { get; set; } = "";
    /// <summary>The key's hash with its own salt (<c>s1$salt$hash</c>); a first-build key holds an unsalted SHA-256 until first used.</summary>
    public string Hash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
}
