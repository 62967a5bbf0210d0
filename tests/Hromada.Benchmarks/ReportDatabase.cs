using System.Globalization;
using Hromada.Admin.Exports;
using Hromada.Admin.Reports;
using Hromada.Core;
using Hromada.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Benchmarks;

/// <summary>
/// A database of <c>count</c> proposals shaped like a real consultation: every channel, category, settlement, sphere;
/// texts of a few hundred characters; about half with a resident or a phone (so authors repeat); a third routed with
/// a position, a third decided. Written with raw inserts in one transaction, so 100,000 rows take seconds.
/// </summary>
internal sealed class ReportDatabase : IDisposable
{
    private readonly string? _folder;

    private ReportDatabase(string? folder, ServiceProvider services)
    {
        _folder = folder;
        Services = services;
    }

    public ServiceProvider Services { get; }

    /// <summary>
    /// A database of <paramref name="count"/> proposals: in a temp folder removed at Dispose, or at <paramref name="file"/>
    /// (kept; e.g. the source of the SQLite → PostgreSQL copy's check).
    /// </summary>
    public static async Task<ReportDatabase> CreateAsync(int count, string? file = null)
    {
        var folder = file is null ? Path.Combine(Path.GetTempPath(), "hromada-bench", Guid.NewGuid().ToString("N")) : Path.GetDirectoryName(Path.GetFullPath(file))!;
        Directory.CreateDirectory(folder);
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Hromada"] = $"Data Source={file ?? $"{folder}/b.db"}" })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddHromadaCore(configuration, folder);
        services.AddScoped<ProposalExporter>();
        services.AddScoped<InterimReport>();
        services.AddSingleton<ChartRenderer>();
        var provider = services.BuildServiceProvider();
        await provider.InitialiseHromadaAsync();
        await SeedAsync(provider, count);
        return new ReportDatabase(file is null ? folder : null, provider);
    }

    private static async Task SeedAsync(ServiceProvider provider, int count)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        var consultation = await db.Consultations.FirstAsync();
        var categories = await db.AuthorCategories.Select(x => x.Id).ToListAsync();
        var settlements = await db.Settlements.Select(x => x.Id).ToListAsync();
        var spheres = await db.Spheres.Select(x => x.Id).ToListAsync();
        var topics = await db.Topics.Select(x => new { x.Id, x.SphereId }).ToListAsync();
        var groups = await db.SocialGroups.Select(x => x.Id).ToListAsync();
        var kinds = await db.BusinessKinds.Select(x => x.Id).ToListAsync();
        var bodies = await db.ReviewBodies.Select(x => x.Id).ToListAsync();
        string[] channels = ["Telegram", "Messenger", "WebChat", "Paper", "Email", "GoogleForm", "Reception", "Cnap"];
        string[] outcomes = ["Accepted", "PartiallyAccepted", "Rejected"];
        const string text = "Відремонтувати дорогу між Камʼянкою та Забірʼям, облаштувати узбіччя, тротуар і вуличне освітлення біля школи, " +
                            "бо діти ходять до школи по проїжджій частині; встановити зупинку громадського транспорту з навісом та лавами. ";
        var random = new Random(42);
        var start = consultation.OpensAt;

        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA journal_mode = WAL;";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        var residents = Math.Max(1, count / 3);
        await using (var insertResident = connection.CreateCommand())
        {
            insertResident.Transaction = tx;
            insertResident.CommandText = "INSERT INTO Residents (Channel, ChannelUserId, Language, CreatedAt, IsSubscribed, IsBlocked, RateWindowCount, RateNoticeSent, ConversationStep, Version) VALUES ('Telegram', $u, 'uk-UA', $t, 0, 0, 0, 0, '', 0)";
            var u = insertResident.Parameters.Add("$u", SqliteType.Text);
            insertResident.Parameters.AddWithValue("$t", Utc(start));
            for (var i = 1; i <= residents; i++)
            {
                u.Value = i.ToString(CultureInfo.InvariantCulture);
                await insertResident.ExecuteNonQueryAsync();
            }
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO Proposals (Id, AuthorCategoryId, AuthorName, AuthorPhone, BusinessKindId, Channel, ConsultationId, CreatedAt, DecidedAt,
              IsLate, IsOffTopic, IsUnidentified, Justification, Language, Outcome, ProtocolDate, ProtocolNumber, ReceivedAt, Reference,
              ResidenceSettlementId, ResidentId, SearchText, SettlementId, SphereId, Status, Text, TopicId, Version)
            VALUES ($id, $cat, $name, $phone, $kind, $ch, $c, $t, $dt, 0, 0, $unid, $just, 'uk-UA', $out, $pd, $pn, $t, $ref,
              $home, $res, $search, $place, $sphere, $status, $text, $topic, 0)
            """;
        var p = new Dictionary<string, SqliteParameter>();
        foreach (var name in new[] { "$id", "$cat", "$name", "$phone", "$kind", "$ch", "$c", "$t", "$dt", "$unid", "$just", "$out", "$pd", "$pn", "$ref", "$home", "$res", "$search", "$place", "$sphere", "$status", "$text", "$topic" })
        {
            p[name] = insert.Parameters.Add(name, SqliteType.Text);
        }
        await using var insertGroup = connection.CreateCommand();
        insertGroup.Transaction = tx;
        insertGroup.CommandText = "INSERT OR IGNORE INTO ProposalSocialGroups (ProposalId, SocialGroupsId) VALUES ($p, $g)";
        var gp = insertGroup.Parameters.Add("$p", SqliteType.Integer);
        var gg = insertGroup.Parameters.Add("$g", SqliteType.Integer);
        await using var insertRoute = connection.CreateCommand();
        insertRoute.Transaction = tx;
        insertRoute.CommandText = "INSERT INTO ProposalRoutes (ProposalId, ReviewBodyId, DueDate, RoutedAt, RoutedBy, Stance, PositionJustification, PositionAt, PositionBy) VALUES ($p, $b, '2026-12-20', $t, 'bench', $s, $j, $pt, $pb)";
        var rp = insertRoute.Parameters.Add("$p", SqliteType.Integer);
        var rb = insertRoute.Parameters.Add("$b", SqliteType.Integer);
        var rt = insertRoute.Parameters.Add("$t", SqliteType.Text);
        var rs = insertRoute.Parameters.Add("$s", SqliteType.Text);
        var rj = insertRoute.Parameters.Add("$j", SqliteType.Text);
        var rpt = insertRoute.Parameters.Add("$pt", SqliteType.Text);
        var rpb = insertRoute.Parameters.Add("$pb", SqliteType.Text);

        for (var i = 1; i <= count; i++)
        {
            var at = start.AddMinutes(i % (60 * 24 * 30));
            var sphere = spheres[random.Next(spheres.Count)];
            var sphereTopics = topics.Where(t => t.SphereId == sphere).ToList();
            var decided = i % 3 == 0;
            var withPhone = random.Next(2) == 0;
            var withResident = random.Next(10) < 6;
            var proposalText = string.Concat(Enumerable.Repeat(text, 1 + (i % 3))) + i.ToString(CultureInfo.InvariantCulture);
            var reference = string.Create(CultureInfo.InvariantCulture, $"P-2026-{i:D6}");
            p["$id"].Value = i;
            p["$cat"].Value = categories[i % categories.Count];
            p["$name"].Value = withPhone ? "Автор " + (i % (count / 2 + 1)).ToString(CultureInfo.InvariantCulture) : DBNull.Value;
            p["$phone"].Value = withPhone ? "+38067" + (i % (count / 2 + 1)).ToString("D7", CultureInfo.InvariantCulture) : DBNull.Value;
            p["$kind"].Value = i % categories.Count == 1 ? kinds[i % kinds.Count] : DBNull.Value;
            p["$ch"].Value = channels[i % channels.Length];
            p["$c"].Value = consultation.Id;
            p["$t"].Value = Utc(at);
            p["$dt"].Value = decided ? Utc(at.AddDays(10)) : DBNull.Value;
            p["$unid"].Value = withPhone ? 0 : 1;
            p["$just"].Value = decided ? "Пропозицію розглянуто на засіданні робочої групи; включено до плану заходів на 2027 рік з уточненням обсягів." : DBNull.Value;
            p["$out"].Value = decided ? outcomes[i % outcomes.Length] : DBNull.Value;
            p["$pd"].Value = decided ? "2026-12-04" : DBNull.Value;
            p["$pn"].Value = decided ? "12" : DBNull.Value;
            p["$ref"].Value = reference;
            p["$home"].Value = random.Next(10) < 8 ? settlements[random.Next(settlements.Count)] : DBNull.Value;
            p["$res"].Value = withResident ? 1 + random.Next(residents) : DBNull.Value;
            p["$search"].Value = (reference + " " + proposalText).ToLowerInvariant();
            p["$place"].Value = random.Next(10) < 9 ? settlements[random.Next(settlements.Count)] : DBNull.Value;
            p["$sphere"].Value = sphere;
            p["$status"].Value = decided ? "Decided" : i % 3 == 1 ? "Routed" : "Received";
            p["$text"].Value = proposalText;
            p["$topic"].Value = sphereTopics.Count > 0 && random.Next(4) > 0 ? sphereTopics[random.Next(sphereTopics.Count)].Id : DBNull.Value;
            await insert.ExecuteNonQueryAsync();

            if (i % 2 == 0)
            {
                gp.Value = i;
                gg.Value = groups[i % groups.Count];
                await insertGroup.ExecuteNonQueryAsync();
                gg.Value = groups[(i / 2) % groups.Count];
                await insertGroup.ExecuteNonQueryAsync();
            }
            if (i % 3 != 2)
            {
                rp.Value = i;
                rb.Value = bodies[i % bodies.Count];
                rt.Value = Utc(at.AddDays(1));
                var positioned = i % 3 == 0;
                rs.Value = positioned ? "Support" : DBNull.Value;
                rj.Value = positioned ? "Підтримуємо: відповідає стратегічній цілі 2.1; орієнтовна вартість — 1,2 млн грн." : DBNull.Value;
                rpt.Value = positioned ? Utc(at.AddDays(5)) : DBNull.Value;
                rpb.Value = positioned ? "reviewer" : DBNull.Value;
                await insertRoute.ExecuteNonQueryAsync();
            }
        }
        await tx.CommitAsync();
    }

    private static string Utc(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Services.Dispose();
        SqliteConnection.ClearAllPools();
        if (_folder is null)
        {
            return;
        }
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
