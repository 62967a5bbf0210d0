using Hromada.Core.Inbox;
using Hromada.Core.Outbox;
using Hromada.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Bot.Health;

/// <summary>
/// <c>GET /healthz</c>: 200 when the database answers and can be written (503 otherwise: a full disk or a read-only
/// database is not healthy though reads still work — see <see cref="StorageHealth"/>), with the message pipeline's state: what waits,
/// what is being retried because sends fail (a platform's outage), and what was given up in the last day — "attention"
/// then, so a monitor notices messages that do not go out; "attention" too while the database's disk runs short of room.
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync)
            .WithName("Health")
            .WithSummary("200 when the service and its database answer, with the message pipeline's backlog and failures.")
            .WithTags("Health")
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> CheckAsync(
        HromadaDbContext db, StorageHealth storage, DatabaseDiskSpace disk, ChannelReception reception, TimeProvider time, ILoggerFactory loggers,
        CancellationToken ct)
    {
        try
        {
            if (await db.Database.CanConnectAsync(ct) && await db.Consultations.AnyAsync(ct))
            {
                if (await storage.ProbeAsync(db, ct) is { } problem)
                {
                    return TypedResults.Problem(title: "The database cannot be written", detail: problem, statusCode: StatusCodes.Status503ServiceUnavailable);
                }
                var dayAgo = time.GetUtcNow().AddDays(-1);
                var pipeline = new PipelineReport(
                    InboxWaiting: await db.InboxItems.CountAsync(i => i.Status == InboxStatus.Pending, ct),
                    InboxSetAsideLastDay: await db.InboxItems.CountAsync(i => i.Status == InboxStatus.SetAside && i.ProcessedAt > dayAgo, ct),
                    OutboxWaiting: await db.OutboxMessages.CountAsync(o => o.Status == OutboxStatus.Pending && o.Channel != Core.Proposals.Channel.WebChat, ct),
                    OutboxRetrying: await db.OutboxMessages.CountAsync(o => o.Status == OutboxStatus.Pending && o.Attempts > 0, ct),
                    OutboxHeld: await db.OutboxMessages.CountAsync(o => o.Status == OutboxStatus.Held, ct),
                    OutboxFailedLastDay: await db.OutboxMessages.CountAsync(o => o.Status == OutboxStatus.Failed && o.CompletedAt > dayAgo, ct));
                var space = disk.Check();
                var deaf = reception.Problems;
                var status = pipeline.InboxSetAsideLastDay + pipeline.OutboxFailedLastDay + pipeline.OutboxRetrying > 0 || space?.Low == true || deaf.Count > 0
                    ? "attention" : "ok";
                return TypedResults.Ok(new HealthReport(status, pipeline, space is null ? null : new DiskReport(space.FreeMegabytes, space.MinFreeMegabytes),
                    deaf.Count > 0 ? deaf : null));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger("Health").LogError(ex, "Health check: the database does not answer");
        }

        return TypedResults.Problem(title: "The database does not answer", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>
    /// "ok", or "attention" while sends are failing and being retried, when messages were set aside or given up in the
    /// last 24 hours (see the log), while the SQLite database's disk has less free space than
    /// <c>Hromada:Database:MinFreeSpaceMegabytes</c>, or while a configured channel cannot receive
    /// (<see cref="NotReceiving"/>: its webhook is not set).
    /// </summary>
    internal sealed record HealthReport(string Status, PipelineReport Pipeline, DiskReport? Disk, IReadOnlyDictionary<string, string>? NotReceiving = null);

    /// <summary>Free space on the SQLite database's disk and the least wanted there (absent on PostgreSQL or with the check off).</summary>
    internal sealed record DiskReport(long FreeMegabytes, int MinFreeMegabytes);

    internal sealed record PipelineReport(int InboxWaiting, int InboxSetAsideLastDay, int OutboxWaiting, int OutboxRetrying, int OutboxHeld, int OutboxFailedLastDay);
}
