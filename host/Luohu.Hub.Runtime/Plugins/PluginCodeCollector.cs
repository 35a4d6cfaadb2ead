using System.Reflection;
using System.Runtime.Loader;
using Luohu.Hub.Rules.Workflows.Lambda;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>
/// The one way a plugin's collectible load context leaves this process, whether its version is retired or its load
/// failed half-way. RulesEngine's parser reads the types of every loaded assembly, and the runtime crashes when that
/// read meets a load context being collected; so a context is only ever collected inside an
/// <see cref="AssemblyScanGate"/> exclusion: the collector takes the exclusion, unloads, forces the collections until
/// the context is gone, and lets the runtime free its code before letting parses in again. A context that is still
/// referenced after the bounded attempts (a call that never returned, an exception still held somewhere) could
/// otherwise be collected at any later moment, outside the exclusion: its assemblies are then held for the life of
/// the process, which is what an unconfirmed unload already promises ops ("stays in memory until the hub restarts").
/// </summary>
internal static class PluginCodeCollector
{
    /// <summary>How many collect-and-wait rounds an unload gets before its context is held for good.</summary>
    public const int ConfirmAttempts = 20;

    private static readonly Lock Sync = new();
    private static readonly List<Assembly[]> Held = [];

    /// <summary>Contexts whose unload was never confirmed and whose assemblies the process now keeps (for tests and diagnostics).</summary>
    public static int HeldContexts
    {
        get
        {
            lock (Sync)
            {
                return Held.Count;
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="unload"/> (which disposes what the context served and calls its <c>Unload</c>) inside a scan
    /// exclusion and waits, bounded, for <paramref name="context"/> to be collected. True when it was.
    /// </summary>
    public static async Task<bool> UnloadAsync(WeakReference context, Func<Task>? unload)
    {
        using var exclusion = await AssemblyScanGate.ExcludeScansAsync();
        try
        {
            await Start(ref unload);
        }
        finally
        {
            // Whatever the disposal threw, the context may now go: it goes here, inside the exclusion, or never.
            await ConfirmOrHoldAsync(context);
        }

        return !context.IsAlive;
    }

    /// <summary>Starts the unload and forgets the delegate, which holds the plugin: the wait for its collection must not.</summary>
    private static Task Start(ref Func<Task>? unload)
    {
        var run = unload!;
        unload = null;
        return run();
    }

    private static async Task ConfirmOrHoldAsync(WeakReference context)
    {
        for (var attempt = 0; attempt < ConfirmAttempts && context.IsAlive; attempt++)
        {
            if (attempt == 1)
            {
                FrameworkCaches.Clear();
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (!context.IsAlive)
            {
                break;
            }

            // Real time, not the hub's clock: this waits for the runtime's unload, which a test clock cannot move.
            await Task.Delay(TimeSpan.FromMilliseconds(5 * (attempt + 1)), TimeProvider.System, CancellationToken.None);
        }

        if (context.Target is AssemblyLoadContext alive)
        {
            // Still referenced: keep it whole so no later collection, outside any exclusion, frees it under a parse.
            var assemblies = alive.Assemblies.ToArray();
            lock (Sync)
            {
                Held.Add(assemblies);
            }

            return;
        }

        // The context object goes before the runtime frees the code it held (its loader allocator is destroyed by a
        // finalizer and freed at the next collection): one more round, still inside the exclusion.
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
