using Hromada.Core.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hromada.Bot.Health;

/// <summary><c>GET /healthz</c>: 200 when the database answers, 503 otherwise.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync)
            .WithName("Health")
            .WithSummary("200 when the service and its database answer.")
            .WithTags("Health")
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<Results<Ok<HealthReport>, ProblemHttpResult>> CheckAsync(
        HromadaDbContext db, ILoggerFactory loggers, CancellationToken ct)
    {
        try
        {
            if (await db.Database.CanConnectAsync(ct) && await db.Consultations.AnyAsync(ct))
            {
                return TypedResults.Ok(new HealthReport("ok"));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            loggers.CreateLogger("Health").LogError(ex, "Health check: the database does not answer");
        }

        return TypedResults.Problem(title: "The database does not answer", statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    internal sealed record HealthReport(string Status);
}
