using System.Data.Common;

namespace Hromada.Core.Pipeline;

/// <summary>
/// Commands prepared once on a transaction and run with new values many times (the statements of a group commit),
/// disposed together.
/// </summary>
internal sealed class PreparedCommands(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
{
    private readonly List<DbCommand> _commands = [];

    /// <summary>A command with the named parameters, their values set before each run (<see cref="Sql.Set"/>).</summary>
    public DbCommand Prepare(string text, params string[] parameters)
    {
        var command = Sql.Command(connection, transaction, text, [.. parameters.Select(p => (p, (object?)null))]);
        _commands.Add(command);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands)
        {
            await command.DisposeAsync();
        }
    }
}
