namespace Hromada.Bot.Channels;

/// <summary>Whether a channel is on, and why not; each channel registers one, and the host logs them at start.</summary>
public sealed record ChannelStatus(string Channel, bool IsOn, string Detail);
