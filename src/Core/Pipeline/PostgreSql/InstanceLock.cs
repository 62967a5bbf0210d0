using Hromada.Core.Storage;
using Hromada.Core.Storage.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hromada.Core.Pipeline.PostgreSql;

/// <summary>
/// One running instance per <c>Hromada:Pipeline:InstanceId</c> on a PostgreSQL database: leases are taken in that
/// name, so two instances sharing it would each take the other's work back as their own. The name is held as a session
/// advisory lock on a connection of its own for as long as the instance runs; a second instance with the same name is
/// refused at start. An instance that dies lets go with its connection, so its restart is not refused. If the database
/// goes away the lock goes too: it is taken again once the database is back (and if another instance took the name
/// meanwhile, this one stops).
/// </summary>
public sealed class InstanceLock(
    IServiceScopeFactory scopes, IOptions<PipelineOptions> options, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<InstanceLock> logger)
    : BackgroundService
{
    /// <summary>The first half of the lock's key (the instance name's hash is the second): "hrmd" in ASCII.</summary>
    private const int KeySpace = 0x68726D64;

    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);

    private NpgsqlConnection? _connection;
    private string? _connectionString;

    private string Name => options.Value.ResolvedInstanceId;

    /// <summary>Takes the name, or stops the start with a message when another running instance has it. SQLite: nothing to do.</summary>
    public async Task ClaimAsync(CancellationToken ct = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HromadaDbContext>();
            if (!db.Database.IsNpgsql())
            {
                return;
            }
            _connectionString = db.Database.GetConnectionString();
        }
        if (!await TryTakeAsync(ct))
        {
            throw new InvalidOperationException(
                $"{PipelineOptions.Section}:InstanceId '{Name}' is in use by another instance running on this database. " +
                $"Give each instance its own {PipelineOptions.Section}:InstanceId (empty means the machine name, so two instances " +
                "on one machine need one each), or stop the other instance first.");
        }
        logger.LogInformation("Running as instance '{Instance}' on PostgreSQL", Name);
    }

    private async Task<bool> TryTakeAsync(CancellationToken ct)
    {
        var connection = await PostgreSqlConnections.OpenUnpooledAsync(_connectionString!, ct);
        try
        {
            await using var take = new NpgsqlCommand($"SELECT pg_try_advisory_lock({KeySpace}, hashtext(@name))", connection);
            take.Parameters.AddWithValue("name", Name);
            if (await take.ExecuteScalarAsync(ct) is true)
            {
                _connection = connection;
                return true;
            }
        }
        catch (NpgsqlException)
        {
            await connection.DisposeAsync();
            throw;
        }
        await connection.DisposeAsync();
        return false;
    }

    /// <summary>Checks the lock's connection now and then; takes the name again after the database was away.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_connectionString is null)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(CheckInterval, time, stoppingToken);
                await KeepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is InvalidOperationException or NpgsqlException or TimeoutException)
            {
                logger.LogWarning("The database is still away; instance '{Instance}' takes its name again once it is back: {Error}", Name, ex.Message);
            }
        }
    }

    private async Task KeepAsync(CancellationToken ct)
    {
        if (_connection is not null)
        {
            try
            {
                await using var ping = new NpgsqlCommand("SELECT 1", _connection) { CommandTimeout = 10 };
                await ping.ExecuteScalarAsync(ct);
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning("Lost the connection holding instance name '{Instance}': {Error}", Name, ex.Message);
                await _connection.DisposeAsync();
                _connection = null;
            }
        }
        if (!await TryTakeAsync(ct))
        {
            logger.LogCritical(
                "Another instance took {Section}:InstanceId '{Instance}' while the database was away; this one stops so that the two do not take each other's work",
                PipelineOptions.Section, Name);
            lifetime.StopApplication();
            return;
        }
        logger.LogInformation("The database is back; instance '{Instance}' holds its name again", Name);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
