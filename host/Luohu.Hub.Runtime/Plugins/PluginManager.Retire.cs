using Luohu.Hub.Rules.Workflows.Lambda;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Taking a loaded version down: drain, stop sources, dispose, unload, confirm the collection.</summary>
internal sealed partial class PluginManager
{
    private const int UnloadConfirmAttempts = 20;
    private long unloadsConfirmed;
    private long unloadsNotConfirmed;

    /// <summary>Retired versions whose load context was seen collected.</summary>
    public long UnloadsConfirmed => Interlocked.Read(ref unloadsConfirmed);

    /// <summary>Retired versions still alive after the bounded collections.</summary>
    public long UnloadsNotConfirmed => Interlocked.Read(ref unloadsNotConfirmed);

    /// <summary>
    /// Retires the entry's retiring version and waits (bounded) for the runtime to collect its code, whether or not
    /// the caller wants to hear about it (<paramref name="confirm"/>: count it and note an unconfirmed unload): the
    /// collection happens inside an <see cref="AssemblyScanGate"/> exclusion, so no rule parse reads the plugin's types
    /// while they go. With <paramref name="unload"/> false (the hub stops: the process is ending) the version is
    /// drained, stopped and disposed, and its code stays: unloading it then would only be work, and collecting
    /// plugin code while the process winds down is what the runtime is least tested at.
    /// </summary>
    private async Task RetireAsync(PluginEntry entry, CancellationToken cancellationToken, bool confirm = true, bool unload = true)
    {
        var (weak, version, exclusion) = await BeginRetire(entry, unload, cancellationToken);
        if (version.Length == 0 || !unload)
        {
            return;
        }

        // An isolated version leaves nothing here to collect: it is gone once its process has exited, which its unload waited for.
        bool collected;
        using (exclusion)
        {
            collected = weak is null || await ConfirmUnloadAsync(weak);
        }

        if (!confirm)
        {
            return;
        }

        if (collected)
        {
            Interlocked.Increment(ref unloadsConfirmed);
            PluginLog.UnloadConfirmed(logger, entry.Id, version);
            return;
        }

        Interlocked.Increment(ref unloadsNotConfirmed);
        PluginLog.UnloadNotConfirmed(logger, entry.Id, version, UnloadConfirmAttempts);
        lock (entry.Sync)
        {
            entry.Note = $"unload not confirmed for version {version}: its code is still referenced (a call or event source that never returned?) and stays in memory until the hub restarts";
        }

        UpdateState(entry, announce: true);
    }

    /// <summary>Not async on purpose: the retiring version leaves <see cref="PluginEntry.Retiring"/> without landing in any state machine.</summary>
    private Task<(WeakReference? Weak, string Version, AssemblyScanGate.Exclusion Exclusion)> BeginRetire(PluginEntry entry, bool unload, CancellationToken cancellationToken)
    {
        var old = entry.Retiring;
        entry.Retiring = null;
        return old is null ? Task.FromResult<(WeakReference?, string, AssemblyScanGate.Exclusion)>((null, string.Empty, default)) : RetireCoreAsync(old, unload, cancellationToken);
    }

    private async Task<(WeakReference? Weak, string Version, AssemblyScanGate.Exclusion Exclusion)> RetireCoreAsync(LoadedPlugin old, bool unload, CancellationToken cancellationToken)
    {
        var version = old.Manifest.Version;
        if (!await old.DrainAsync(options.DrainTimeout, time, cancellationToken))
        {
            PluginLog.DrainTimedOut(logger, old.Manifest.Id, version, old.InFlight);
        }

        if (old.Supervisor is not null)
        {
            await old.Supervisor.StopAsync();
        }

        if (!unload)
        {
            try
            {
                await old.Runtime.StopForShutdownAsync();
            }
            catch (Exception ex)
            {
                PluginLog.DisposeFailed(logger, ex, old.Manifest.Id);
            }

            return (null, version, default);
        }

        // In process, collecting the plugin's code must not meet a rule parse reading its types.
        var exclusion = old.Runtime.Collectible is null ? default : await AssemblyScanGate.ExcludeScansAsync();
        try
        {
            await old.UnloadAsync();
        }
        catch (Exception ex)
        {
            PluginLog.DisposeFailed(logger, ex, old.Manifest.Id);
        }

        return (old.Runtime.Collectible, version, exclusion);
    }

    private static async Task<bool> ConfirmUnloadAsync(WeakReference weak)
    {
        for (var attempt = 0; attempt < UnloadConfirmAttempts && weak.IsAlive; attempt++)
        {
            if (attempt == 1)
            {
                FrameworkCaches.Clear();
            }

            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (!weak.IsAlive)
            {
                break;
            }

            // Real time, not the hub's clock: this waits for the runtime's unload, which a test clock cannot move.
            await Task.Delay(TimeSpan.FromMilliseconds(5 * (attempt + 1)), TimeProvider.System, CancellationToken.None);
        }

        if (weak.IsAlive)
        {
            return false;
        }

        // The context object goes before the runtime frees the code it held (its loader allocator is destroyed by a
        // finalizer and freed at the next collection): one more round, still inside the scan exclusion.
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return true;
    }
}
