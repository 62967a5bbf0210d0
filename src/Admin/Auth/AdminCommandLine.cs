namespace Hromada.Admin;

/// <summary>The host's command line for administrators: <c>keys create|list|revoke</c>. Placeholder until the admin API lands.</summary>
public static class AdminCommandLine
{
    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] == "keys";

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync("keys: not available yet");
        return 2;
    }
}
