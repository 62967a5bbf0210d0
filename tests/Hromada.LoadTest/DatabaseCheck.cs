using System.Data.Common;
using System.Globalization;

namespace Hromada.LoadTest;

/// <summary>
/// After a questionnaire run: the database (SQLite file or PostgreSQL) counted against what the residents saw. Waits
/// until no update is left pending in the inbox (after a kill, what the dead instance held is taken over first), then
/// compares, resident by resident, the proposals stored with the "send" presses the webhook answered 2xx (each is a
/// proposal the bot owes), and checks that every reference a resident was given is stored and that none is stored twice.
/// </summary>
internal sealed record DatabaseCheck
{
    public long Stored { get; init; }
    public long Distinct { get; init; }

    /// <summary>"Send" presses answered 2xx with no proposal stored for them, summed over the residents.</summary>
    public long Lost { get; init; }

    /// <summary>Proposals beyond the "send" presses of their resident, plus references stored more than once.</summary>
    public long Twice { get; init; }

    /// <summary>References the residents were given that are not in the database.</summary>
    public long Missing { get; init; }

    /// <summary>Proposals not linked to a resident of the run.</summary>
    public long Unowned { get; init; }
    public int Residents { get; init; }
    public int ResidentsAnswered { get; init; }
    public int ResidentsWithProposal { get; init; }
    public int ResidentsMatching { get; init; }
    public long InboxPending { get; init; }
    public long InboxSetAside { get; init; }
    public long OutboxPending { get; init; }
    public double DrainSeconds { get; init; }

    public bool Passed => Lost == 0 && Twice == 0 && Missing == 0 && Unowned == 0 && InboxPending == 0 && InboxSetAside == 0 && ResidentsAnswered == Residents;

    public static async Task<DatabaseCheck> RunAsync(DbConnection db, RunStats stats, int residents, TimeSpan drain)
    {
        await db.OpenAsync();
        var started = Environment.TickCount64;
        long pending, outbox;
        while (true)
        {
            pending = await ScalarAsync(db, "SELECT COUNT(*) FROM \"InboxItems\" WHERE \"Status\" = 'Pending'");
            outbox = await ScalarAsync(db, "SELECT COUNT(*) FROM \"OutboxMessages\" WHERE \"Status\" = 'Pending'");
            if ((pending == 0 && outbox == 0) || Environment.TickCount64 - started > drain.TotalMilliseconds)
            {
                break;
            }
            await Task.Delay(500);
        }
        var drained = (Environment.TickCount64 - started) / 1000.0;
        var setAside = await ScalarAsync(db, "SELECT COUNT(*) FROM \"InboxItems\" WHERE \"Status\" = 'SetAside'");
        var stored = await ScalarAsync(db, "SELECT COUNT(*) FROM \"Proposals\"");
        var distinct = await ScalarAsync(db, "SELECT COUNT(DISTINCT \"Reference\") FROM \"Proposals\"");

        var perChat = new Dictionary<long, long>();
        await using (var command = db.CreateCommand())
        {
            command.CommandText = """
                SELECT r."ChannelUserId", COUNT(*) FROM "Proposals" p JOIN "Residents" r ON r."Id" = p."ResidentId"
                WHERE r."Channel" = 'Telegram' GROUP BY r."ChannelUserId"
                """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                perChat[long.Parse(reader.GetString(0), CultureInfo.InvariantCulture)] = reader.GetInt64(1);
            }
        }
        var references = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = db.CreateCommand())
        {
            command.CommandText = "SELECT \"Reference\" FROM \"Proposals\"";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                references.Add(reader.GetString(0));
            }
        }

        long lost = 0, twice = stored - distinct;
        var matching = 0;
        foreach (var chat in perChat.Keys.Union(stats.ConfirmsByChat.Keys))
        {
            var owed = stats.ConfirmsByChat.GetValueOrDefault(chat);
            var has = perChat.GetValueOrDefault(chat);
            lost += Math.Max(0, owed - has);
            twice += Math.Max(0, has - owed);
            matching += owed == has ? 1 : 0;
        }
        return new DatabaseCheck
        {
            Stored = stored,
            Distinct = distinct,
            Lost = lost,
            Twice = twice,
            Missing = stats.References.Keys.Count(r => !references.Contains(r)),
            Unowned = stored - perChat.Values.Sum(),
            Residents = residents,
            ResidentsAnswered = stats.Answered.Count,
            ResidentsWithProposal = perChat.Count,
            ResidentsMatching = matching + (residents - perChat.Keys.Union(stats.ConfirmsByChat.Keys).Count()),
            InboxPending = pending,
            InboxSetAside = setAside,
            OutboxPending = outbox,
            DrainSeconds = drained,
        };
    }

    public string Summary(RunStats stats) => string.Create(CultureInfo.InvariantCulture,
        $"database check {(Passed ? "PASSED" : "FAILED")}: {ResidentsAnswered} of {Residents} residents answered, {ResidentsWithProposal} with a proposal stored; " +
        $"proposals per resident equal to its \"send\" presses answered 2xx for {ResidentsMatching} of {Residents} (lost {Lost}, stored twice {Twice}); " +
        $"{Stored} proposals, {Distinct} distinct references, {Missing} references given to residents and not stored, {Unowned} without a resident; " +
        $"inbox left pending {InboxPending}, set aside {InboxSetAside}; outbox left pending {OutboxPending} (drained after {DrainSeconds:0.0} s); " +
        $"deliveries redelivered {stats.Redeliveries}; turns without an answer within 30 s {stats.Timeouts}; receipts sent twice {stats.References.Count(r => r.Value > 1)}");

    private static async Task<long> ScalarAsync(DbConnection db, string sql)
    {
        await using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
