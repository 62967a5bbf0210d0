namespace Hromada.Core.Text;

/// <summary>
/// A resident's own words typed in by the secretary (a paper proposal, its author's name and contacts): held to the chat's
/// rules where the service checks them — cleaned of the characters <see cref="TextSanitiser"/> removes, length from
/// <c>Hromada:Conversation</c> — exactly as if the resident had sent them, not refused by the admin inputs' own rule.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ResidentTextAttribute : Attribute;
