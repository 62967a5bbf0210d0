using System.Collections.Concurrent;

namespace Hromada.Bot.Health;

/// <summary>
/// Which configured channels cannot receive because their platform has not taken the registration (a webhook that
/// could not be set): such a bot is deaf though everything else is well, so <c>/healthz</c> says so.
/// </summary>
public sealed class ChannelReception
{
    private readonly ConcurrentDictionary<string, string> _problems = new(StringComparer.Ordinal);

    /// <summary>The channel does not receive, and why.</summary>
    public void NotReceiving(string channel, string problem) => _problems[channel] = problem;

    /// <summary>The channel receives (its registration was taken).</summary>
    public void Receiving(string channel) => _problems.TryRemove(channel, out _);

    /// <summary>The channels that do not receive, by name, with why.</summary>
    public IReadOnlyDictionary<string, string> Problems => new SortedDictionary<string, string>(_problems, StringComparer.Ordinal);
}
