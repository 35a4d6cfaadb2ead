using Luohu.Hub.Rules.Workflows.Lambda;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Taking a loaded version down: drain, stop sources, dispose, unload, confirm the collection.</summary>
internal sealed partial class PluginManager
{
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
        var old = entry.Retiring;
        entry.Retiring = null;
        if (old is null)
        {
            return;
        }

        var version = old.Manifest.Version;
        await DrainAndStopAsync(old, cancellationToken);
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

            return;
        }

        // An isolated version leaves nothing here to collect: it is gone once its process has exited, which its unload
        // waits for. In process, the collector unloads it; this method lets go of it first, or the wait for its
        // collection would be the one thing keeping it alive.
        var unloading = StartUnload(old);
        old = null;
        var collected = await unloading;
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
        PluginLog.UnloadNotConfirmed(logger, entry.Id, version, PluginCodeCollector.ConfirmAttempts);
        lock (entry.Sync)
        {
            entry.Note = $"unload not confirmed for version {version}: its code is still referenced (a call or event source that never returned?) and stays in memory until the hub restarts";
        }

        UpdateState(entry, announce: true);
    }

    private async Task DrainAndStopAsync(LoadedPlugin old, CancellationToken cancellationToken)
    {
        if (!await old.DrainAsync(options.DrainTimeout, time, cancellationToken))
        {
            PluginLog.DrainTimedOut(logger, old.Manifest.Id, old.Manifest.Version, old.InFlight);
        }

        if (old.Supervisor is not null)
        {
            await old.Supervisor.StopAsync();
        }
    }

    private Task<bool> StartUnload(LoadedPlugin old) =>
        old.Runtime.Collectible is not { } weak ? UnloadIsolatedAsync(old) : PluginCodeCollector.UnloadAsync(weak, () => UnloadLoggingAsync(old));

    private async Task<bool> UnloadIsolatedAsync(LoadedPlugin old)
    {
        await UnloadLoggingAsync(old);
        return true;
    }

    private async Task UnloadLoggingAsync(LoadedPlugin old)
    {
        try
        {
            await old.UnloadAsync();
        }
        catch (Exception ex)
        {
            PluginLog.DisposeFailed(logger, ex, old.Manifest.Id);
        }
    }
}
