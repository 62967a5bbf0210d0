using System.Globalization;
using Hromada.Admin.Auth;
using Hromada.Core.Access;
using Microsoft.Extensions.DependencyInjection;

namespace Hromada.Admin;

/// <summary>
/// The host's command line for administrators, run through the service's executable:
/// <c>keys create --name NAME --role ROLE [--review-body CODE]</c>, <c>keys list</c>, <c>keys revoke --name NAME</c>.
/// </summary>
public static class AdminCommandLine
{
    private const string Usage = """
        Usage:
          keys create --name NAME --role Admin|WorkingGroup|Reviewer|Communications [--review-body CODE]
          keys list
          keys revoke --name NAME
          database copy --to "Host=…;Database=…;Username=…;Password=…"
              copies this service's SQLite database into an empty PostgreSQL database (stop the service first)
        """;

    public static bool IsCommand(string[] args) => args is ["keys", ..] or ["database", ..];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        await using var scope = services.CreateAsyncScope();
        var keys = scope.ServiceProvider.GetRequiredService<ApiKeyService>();
        var options = ParseOptions(args.Skip(2).ToArray());
        if (args is ["database", ..])
        {
            return await DatabaseCommandAsync(scope.ServiceProvider, args, options, output);
        }
        const string actor = "command-line";

        try
        {
            switch (args.ElementAtOrDefault(1))
            {
                case "create":
                    if (!options.TryGetValue("name", out var name) || !options.TryGetValue("role", out var roleText))
                    {
                        await output.WriteLineAsync("keys create needs --name and --role.\n" + Usage);
                        return 2;
                    }
                    if (!Enum.TryParse<AdminRole>(roleText, ignoreCase: true, out var role) || !Enum.IsDefined(role))
                    {
                        await output.WriteLineAsync($"Unknown role '{roleText}'. Roles: {string.Join(", ", Enum.GetNames<AdminRole>())}.");
                        return 2;
                    }
                    var (key, secret) = await keys.CreateAsync(name, role, options.GetValueOrDefault("review-body"), actor);
                    await output.WriteLineAsync($"Created key '{key.Name}' with role {key.Role}. Store it now; it is not shown again:");
                    await output.WriteLineAsync(secret);
                    return 0;

                case "list":
                    var all = await keys.ListAsync();
                    var bodies = await keys.ReviewBodyCodesAsync();
                    await output.WriteLineAsync("name\trole\treview body\tcreated (UTC)\tstate");
                    foreach (var k in all)
                    {
                        var state = k.RevokedAt is null ? "active" : $"revoked {k.RevokedAt:yyyy-MM-dd HH:mm}";
                        // The code the key was created with (--review-body), as 'keys create' takes it; "-" for none.
                        var body = k.ReviewBodyId is { } id ? bodies.GetValueOrDefault(id, "?") : "-";
                        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"{k.Name}\t{k.Role}\t{body}\t{k.CreatedAt:yyyy-MM-dd HH:mm}\t{state}"));
                    }
                    return 0;

                case "revoke":
                    if (!options.TryGetValue("name", out var revokeName))
                    {
                        await output.WriteLineAsync("keys revoke needs --name.\n" + Usage);
                        return 2;
                    }
                    if (await keys.RevokeAsync(revokeName, actor))
                    {
                        await output.WriteLineAsync($"Revoked key '{revokeName}'.");
                        return 0;
                    }
                    await output.WriteLineAsync($"No active key named '{revokeName}'.");
                    return 1;

                default:
                    await output.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (ArgumentException ex)
        {
            await output.WriteLineAsync(ex.Message);
            return 2;
        }
    }

    private static async Task<int> DatabaseCommandAsync(IServiceProvider services, string[] args, Dictionary<string, string> options, TextWriter output)
    {
        if (args.ElementAtOrDefault(1) != "copy" || !options.TryGetValue("to", out var to))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }
        try
        {
            var tables = await services.GetRequiredService<Core.Storage.DatabaseCopy>().CopyToPostgreSqlAsync(to);
            await output.WriteLineAsync("table\trows in SQLite\trows in PostgreSQL");
            foreach (var t in tables)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{t.Table}\t{t.SourceRows}\t{t.CopiedRows}"));
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Copied {tables.Sum(t => t.CopiedRows)} rows in {tables.Count} tables; every count and every proposal reference is equal."));
            await output.WriteLineAsync("Now set Hromada:Database:Provider=PostgreSql and ConnectionStrings:Hromada to the new database, and start the service.");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            await output.WriteLineAsync("Nothing was copied: " + ex.Message);
            return 1;
        }
    }

    private static Dictionary<string, string> ParseOptions(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                result[args[i][2..]] = args[++i];
            }
        }
        return result;
    }
}
