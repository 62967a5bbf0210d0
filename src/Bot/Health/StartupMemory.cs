namespace Hromada.Bot.Health;

/// <summary>
/// What the start leaves behind (the migrations' models, EF Core's and Quartz's set-up, with thousands of compiled
/// delegates) is collected once the service has started, before the traffic: left to the ordinary collections, the
/// delegates' dynamic methods are finalized again at every collection until a full one frees them (a tenth of the
/// host's CPU under the load tool in the first minute), and the heap stays at its start-up size.
/// </summary>
internal static class StartupMemory
{
    public static void ReleaseWhenStarted(this WebApplication app)
    {
        if (app.Environment.IsProduction())
        {
            app.Lifetime.ApplicationStarted.Register(Release);
        }
    }

    private static void Release()
    {
        // A dead dynamic method goes in three steps: its resolver is finalized, then collected, then the method freed.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
