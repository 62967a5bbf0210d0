namespace Hromada.Bot.Tests.Infrastructure;

/// <summary>Waits for something a background service does (a send, a stored row), polling until it is there or time runs out.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<T> probe, Func<T, bool> done, string what, int timeoutMs = 10_000)
    {
        var deadline = Environment.TickCount64 + timeoutMs;
        while (true)
        {
            var value = probe();
            if (done(value))
            {
                return value;
            }
            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>The first <paramref name="count"/> messages sent to <paramref name="psid"/> after the first <paramref name="skip"/>.</summary>
    public static async Task<IReadOnlyList<Messenger.SentMessage>> MessagesAsync(Messenger.FakeGraphApi graph, string psid, int skip, int count = 1) =>
        (await GetAsync(() => graph.SentTo(psid), m => m.Count >= skip + count, $"{count} message(s) to {psid} after {skip}"))
            .Skip(skip).ToList();
}
