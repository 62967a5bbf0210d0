namespace Hromada.Core.Proposals;

/// <summary>The last reference number issued in a year; incremented atomically inside the proposal's transaction.</summary>
public sealed class ReferenceCounter
{
    public int Year { get; set; }
    public int Last { get; set; }
}
