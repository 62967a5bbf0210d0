namespace Hromada.Bot.Tests.Telegram;

/// <summary>Waits for something the host does on its fake clock by moving that clock a second at a time.</summary>
internal static class ClockDriving
{
    /// <summary>Moves the fake clock a second at a time until <paramref name="done"/> holds (bounded in real time only against a hang).</summary>
    public static async Task DriveUntilAsync(TelegramHost host, Func<bool> done, string what) =>
        await DriveUntilAsync(host, () => Task.FromResult(done()), what);

    public static async Task<bool> DriveUntilAsync(TelegramHost host, Func<Task<bool>> done, string what) =>
        await DriveUntilAsync(host, done, d => d, what);

    /// <summary>Moves the fake clock a second at a time until <paramref name="done"/> holds for what <paramref name="probe"/> reads; returns that.</summary>
    public static async Task<T> DriveUntilAsync<T>(TelegramHost host, Func<Task<T>> probe, Func<T, bool> done, string what)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (true)
        {
            var value = await probe();
            if (done(value))
            {
                return value;
            }
            if (cts.IsCancellationRequested)
            {
                throw new TimeoutException($"Gave up waiting: {what}");
            }
            host.Factory.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(30, CancellationToken.None);
        }
    }
}
