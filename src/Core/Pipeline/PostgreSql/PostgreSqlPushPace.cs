using Hromada.Core.Outbox;
using Hromada.Core.Proposals;
using Hromada.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Core.Pipeline.PostgreSql;

/// <summary>
/// The push pace shared through PostgreSQL: one row per channel in <c>PushPaces</c> (created by PostgreSQL's migration
/// <c>SharedPushPace</c>; not part of the EF model, SQLite has no such table) holding the next free send slot as UTC
/// ticks. Taking slots is one upsert that moves the row past them and returns where they start; the row lock orders
/// instances taking slots at once, so no slot is handed out twice. A slot an instance took and did not use (it died)
/// is only a gap: nothing waits for it.
/// </summary>
internal sealed class PostgreSqlPushPace(IServiceScopeFactory scopes) : ISharedPushPace
{
    /// <summary>
    /// A next slot further ahead than this from now is not believed (a clock that was set back, a slot taken by an
    /// instance with a wrong clock): the pace starts again from now instead of holding every push for that long.
    /// </summary>
    private static readonly TimeSpan MaxAhead = TimeSpan.FromMinutes(10);

    public async Task<DateTimeOffset> TakeAsync(Channel channel, int count, TimeSpan interval, DateTimeOffset from, CancellationToken ct)
    {
        var span = interval.Ticks * Math.Max(1, count);
        var next = await ScalarAsync("""
            INSERT INTO "PushPaces" AS p ("Channel", "NextSlot") VALUES (@channel, @from + @span)
            ON CONFLICT ("Channel") DO UPDATE
            SET "NextSlot" = (CASE WHEN p."NextSlot" > @from + @maxAhead THEN @from ELSE GREATEST(p."NextSlot", @from) END) + @span
            RETURNING p."NextSlot"
            """, ct, ("@channel", channel.ToString()), ("@from", from.UtcTicks), ("@span", span), ("@maxAhead", MaxAhead.Ticks));
        return new DateTimeOffset((long)next! - span, TimeSpan.Zero);
    }

    public async Task<DateTimeOffset?> NextAsync(Channel channel, CancellationToken ct) =>
        await ScalarAsync("""SELECT "NextSlot" FROM "PushPaces" WHERE "Channel" = @channel""", ct, ("@channel", channel.ToString()))
            is long ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    private async Task<object?> ScalarAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Sql.Command(db.Database.GetDbConnection(), null, sql, parameters);
            return await command.ExecuteScalarAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
