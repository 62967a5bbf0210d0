using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Core.Access;
using Hromada.Core.Proposals;
using Hromada.Core.Residents;
using Hromada.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Bot.Tests.Announcements;

/// <summary>The real host, a Communications key, and helpers to seed subscribers and wait for the scheduler.</summary>
internal static class AnnouncementsHost
{
    private static int _userId = 700_000;

    public static async Task<HttpClient> CommunicationsAsync(HromadaAppFactory app) => await AdminClient.ForRoleAsync(app, AdminRole.Communications);

    public static async Task<List<int>> AddSubscribersAsync(HromadaAppFactory app, Channel channel, int count, DateTimeOffset? lastInboundAt = null,
        bool subscribed = true, bool blocked = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var residents = Enumerable.Range(0, count).Select(_ => new Resident
        {
            Channel = channel,
            ChannelUserId = Interlocked.Increment(ref _userId).ToString(System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = app.Time.GetUtcNow(),
            IsSubscribed = subscribed,
            IsBlocked = blocked,
            LastInboundAt = lastInboundAt,
        }).ToList();
        db.Residents.AddRange(residents);
        await db.SaveChangesAsync();
        return residents.Select(r => r.Id).ToList();
    }

    public static async Task<T> DbAsync<T>(HromadaAppFactory app, Func<HromadaDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<HromadaDbContext>());
    }

    public static async Task<JsonElement> CreateAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/admin/announcements", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, long id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/admin/announcements/{id}");

    /// <summary>
    /// Waits for something the scheduler does on its own threads (it runs on the test's fake clock, so it fires as soon
    /// as the clock is moved past a time). The bound only keeps a broken build from hanging; nothing here is timed.
    /// </summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!await condition())
        {
            if (cts.IsCancellationRequested)
            {
                Assert.Fail($"Gave up waiting: {what}");
            }
            await Task.Delay(50, CancellationToken.None);
        }
    }

    public static Task WaitForStatusAsync(HttpClient client, long id, string status) =>
        WaitUntilAsync(async () => (await GetAsync(client, id)).GetProperty("status").GetString() == status, $"announcement {id} {status}");
}
