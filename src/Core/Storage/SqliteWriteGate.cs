using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hromada.Core.Storage;

/// <summary>
/// SQLite lets one connection write at a time; a connection that finds the lock taken sleeps in SQLite's busy
/// handler, in steps of up to 100 ms, however soon the lock is free again. Under load that sleep, not the work,
/// decides how many messages a second the service handles. So this process takes turns before it writes: one
/// transaction (or lone write statement) at a time, handed on the moment the previous one commits. Other processes
/// on the same file (the keys command line, a backup) still meet the busy timeout as before.
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    /// <summary>The meter with the gate's figures (<c>dotnet-counters monitor --counters Hromada.Storage</c>).</summary>
    public const string MeterName = "Hromada.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<double> Waited = Meter.CreateHistogram<double>("hromada.db.write_wait", "ms", "Time a write waited for its turn.");
    private static readonly Histogram<double> Held = Meter.CreateHistogram<double>("hromada.db.write_hold", "ms", "Time a write held its turn.");
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Waits for this process's turn to write; dispose the result to hand it on.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await _gate.WaitAsync(ct);
        Waited.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new Turn(_gate);
    }

    public Turn Enter()
    {
        var started = Stopwatch.GetTimestamp();
        _gate.Wait();
        Waited.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new Turn(_gate);
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>One turn at writing; disposing it twice hands on once.</summary>
    public sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private readonly long _since = Stopwatch.GetTimestamp();
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                Held.Record(Stopwatch.GetElapsedTime(_since).TotalMilliseconds);
                gate.Release();
            }
        }
    }
}

/// <summary>
/// Takes the <see cref="SqliteWriteGate"/> for EF Core's writes: from the start of a transaction until it commits,
/// rolls back, fails or its connection closes; and around a write statement run outside a transaction.
/// </summary>
internal sealed class SqliteWriteGateInterceptor(SqliteWriteGate gate) : IDbTransactionInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    private readonly ConditionalWeakTable<Microsoft.EntityFrameworkCore.DbContext, SqliteWriteGate.Turn> _turns = [];

    // Transactions. The transaction is begun here, at the turn: when BEGIN itself fails (a read-only database, a full
    // disk) EF Core raises no further event for it, so the turn is handed on here, not kept until the pooled context's
    // connection closes — a turn kept would make every later write of the process wait.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(eventData);
        if (result.HasResult)
        {
            return result;
        }
        var turn = await gate.EnterAsync(cancellationToken);
        DbTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(eventData.IsolationLevel, cancellationToken);
        }
        finally
        {
            if (transaction is null)
            {
                turn.Dispose();
            }
        }
        Hold(eventData.Context, turn);
        return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
    }

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(eventData);
        if (result.HasResult)
        {
            return result;
        }
        var turn = gate.Enter();
        DbTransaction? transaction = null;
        try
        {
            transaction = connection.BeginTransaction(eventData.IsolationLevel);
        }
        finally
        {
            if (transaction is null)
            {
                turn.Dispose();
            }
        }
        Hold(eventData.Context, turn);
        return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    // A transaction abandoned without commit or rollback ends with its connection.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.Context);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => Release(eventData.Context);

    public Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    // Lone write statements (ExecuteUpdate, ExecuteDelete, a one-row save).
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            Hold(eventData.Context, await gate.EnterAsync(cancellationToken));
        }
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ReleaseLone(command, eventData.Context);
        return ValueTask.FromResult(result);
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (IsLoneWrite(command))
        {
            Hold(eventData.Context, await gate.EnterAsync(cancellationToken));
        }
        return result;
    }

    // A write read back (RETURNING) commits when its reader is done with.
    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        ReleaseLone(command, eventData.Context);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (IsLoneWrite(command))
        {
            Hold(eventData.Context, gate.Enter());
        }
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        ReleaseLone(command, eventData.Context);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        if (IsLoneWrite(command))
        {
            Hold(eventData.Context, gate.Enter());
        }
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => ReleaseLone(command, eventData.Context);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ReleaseLone(command, eventData.Context);
        return Task.CompletedTask;
    }

    private static bool IsLoneWrite(DbCommand command) => command.Transaction is null && IsWrite(command.CommandText);

    internal static bool IsWrite(string sql)
    {
        var s = sql.AsSpan().TrimStart();
        return s.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || s.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase) || s.StartsWith("REPLACE", StringComparison.OrdinalIgnoreCase);
    }

    private void ReleaseLone(DbCommand command, Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (command.Transaction is null)
        {
            Release(context);
        }
    }

    private void Hold(Microsoft.EntityFrameworkCore.DbContext? context, SqliteWriteGate.Turn turn)
    {
        if (context is null || !_turns.TryAdd(context, turn))
        {
            // Already holding (a statement inside a transaction this connection began): give the extra turn back.
            turn.Dispose();
        }
    }

    private void Release(Microsoft.EntityFrameworkCore.DbContext? context)
    {
        if (context is not null && _turns.TryGetValue(context, out var turn))
        {
            _turns.Remove(context);
            turn.Dispose();
        }
    }
}
