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

    private async Task RetireAsync(PluginEntry entry, CancellationToken cancellationToken, bool confirm = true)
    {
        var (weak, version) = await BeginRetire(entry, cancellationToken);
        if (version.Length == 0 || !confirm)
        {
            return;
        }

        // An isolated version leaves nothing here to collect: it is gone once its process has exited, which its unload waited for.
        if (weak is null || await ConfirmUnloadAsync(weak))
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
    private Task<(WeakReference? Weak, string Version)> BeginRetire(PluginEntry entry, CancellationToken cancellationToken)
    {
        var old = entry.Retiring;
        entry.Retiring = null;
        return old is null ? Task.FromResult<(WeakReference?, string)>((null, string.Empty)) : RetireCoreAsync(old, cancellationToken);
    }

    private async Task<(WeakReference? Weak, string Version)> RetireCoreAsync(LoadedPlugin old, CancellationToken cancellationToken)
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

        try
        {
            await old.UnloadAsync();
        }
        catch (Exception ex)
        {
            PluginLog.DisposeFailed(logger, ex, old.Manifest.Id);
        }

        return (old.Runtime.Collectible, version);
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

        return !weak.IsAlive;
    }
}
