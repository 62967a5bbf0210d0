using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hromada.Admin;
using Hromada.Bot.Tests.Admin;
using Hromada.Bot.Tests.Infrastructure;
using Hromada.Bot.Tests.Reports;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hromada.Bot.Tests.Announcements.AnnouncementsHost;

namespace Hromada.Bot.Tests.PostgreSql;

/// <summary>A hromada that grows: its SQLite database copied into an empty PostgreSQL one with the service's command.</summary>
public sealed class DatabaseCopyTests
{
    [PostgresFact]
    public async Task Copy_MovesEveryRow_AndTheServiceGoesOnOnPostgreSql_WhereTheNextReferenceFollowsTheCopiedOnes()
    {
        await using var pg = await PostgresDatabase.CreateAsync();
        var references = new List<string>();
        Dictionary<string, long> before;
        await using (var sqlite = new HromadaAppFactory())
        {
            references.Add((await ReportSeed.AddAsync(sqlite, outcome: DecisionOutcome.Accepted, route: "sg-infrastructure", due: new DateOnly(2026, 11, 20))).Reference);
            references.Add((await ReportSeed.AddAsync(sqlite, text: "Встановити сирену оповіщення в Пʼятихатках", sphere: "social", name: null, phone: null)).Reference);
            references.Add((await ReportSeed.AddAsync(sqlite, text: "Ліхтарі на вулиці Шкільній", channel: Channel.Telegram)).Reference);
            await AddSubscribersAsync(sqlite, Channel.WebChat, 4);
            using var comms = await CommunicationsAsync(sqlite);
            await CreateAsync(comms, new { text = "Засідання робочої групи", targets = new[] { "WebChatSubscribers", "Feed" }, sendAt = "2026-11-20T10:00:00+02:00" });
            before = await CountsAsync(sqlite);

            var output = new StringWriter();
            var code = await AdminCommandLine.RunAsync(sqlite.Services, ["database", "copy", "--to", pg.ConnectionString], output);

            Assert.True(code == 0, output.ToString());
            Assert.Contains("every count and every proposal reference is equal", output.ToString(), StringComparison.Ordinal);
            Assert.Contains($"Proposals\t3\t3", output.ToString(), StringComparison.Ordinal);

            // A second copy into the same database is refused and changes nothing.
            var again = new StringWriter();
            Assert.Equal(1, await AdminCommandLine.RunAsync(sqlite.Services, ["database", "copy", "--to", pg.ConnectionString], again));
            Assert.Contains("already has rows", again.ToString(), StringComparison.Ordinal);
        }

        await using var moved = new HromadaAppFactory().WithSettings(pg.Settings);
        Assert.Equal(before, await CountsAsync(moved));
        using var admin = AdminClient.ForAdmin(moved);
        var first = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/proposals/{references[0]}");
        Assert.Contains("Облаштувати тротуар до школи", Strings(first));
        Assert.Contains("Олена Петренко", Strings(first));
        var next = await ReportSeed.AddAsync(moved, text: "Нова пропозиція вже в PostgreSQL");
        Assert.Equal(["P-2026-00001", "P-2026-00002", "P-2026-00003"], references);
        Assert.Equal("P-2026-00004", next.Reference);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri($"/api/admin/proposals/{next.Reference}", UriKind.Relative))).StatusCode);
    }

    /// <summary>Every string value in <paramref name="e"/>, however deep.</summary>
    private static IEnumerable<string> Strings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    private static async Task<Dictionary<string, long>> CountsAsync(HromadaAppFactory app) => await DbAsync(app, async db => new Dictionary<string, long>
    {
        ["proposals"] = await db.Proposals.LongCountAsync(),
        ["routes"] = await db.ProposalRoutes.LongCountAsync(),
        ["residents"] = await db.Residents.LongCountAsync(),
        ["announcements"] = await db.Announcements.LongCountAsync(),
        ["audit"] = await db.AuditEntries.LongCountAsync(),
        ["keys"] = await db.ApiKeys.LongCountAsync(),
        ["socialGroupsOfProposals"] = await db.Proposals.SelectMany(p => p.SocialGroups).LongCountAsync(),
        ["consultations"] = await db.Consultations.LongCountAsync(),
        ["spheres"] = await db.Spheres.LongCountAsync(),
    });
}
