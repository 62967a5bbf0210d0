namespace Hromada.Core.Text;

/// <summary>
/// The longest text an input field takes, where it differs from the admin inputs' default (their rule walks every field;
/// not a validation attribute, so the framework's own validation does not add an English message of its own).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class TextLimitAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;
}
