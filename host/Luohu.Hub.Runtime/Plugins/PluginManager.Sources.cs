namespace Luohu.Hub.Runtime.Plugins;

/// <summary>What event-source supervisors report: restarts make the plugin Degraded, repeated faults quarantine it.</summary>
internal sealed partial class PluginManager
{
    private TaskCompletionSource sourcesReleased = CompletedRelease();

    Task IEventSourceObserver.SourcesReleased => Volatile.Read(ref sourcesReleased).Task;

    /// <summary>Event sources loaded from now on wait for <see cref="ReleaseEventSources"/> (the hub calls it once started).</summary>
    public void HoldEventSources() =>
        Volatile.Write(ref sourcesReleased, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    public void ReleaseEventSources() => Volatile.Read(ref sourcesReleased).TrySetResult();

    private static TaskCompletionSource CompletedRelease()
    {
        var released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        released.SetResult();
        return released;
    }

    bool IEventSourceObserver.OnSourceFaulted(LoadedPlugin plugin, string sourceId, string error, TimeSpan restartIn, bool hubFault)
    {
        if (!entries.TryGetValue(plugin.Manifest.Id, out var entry) || !ReferenceEquals(entry.Active, plugin))
        {
            return false;
        }

        if (hubFault)
        {
            // A full data folder is the hub's trouble: quarantining every plugin that writes state would outlast it.
            lock (entry.Sync)
            {
                entry.RestartingSources[sourceId] = $"{error} (the hub's data folder is full; not counted against the plugin; restart in {restartIn.TotalSeconds:0.###} s)";
            }

            UpdateState(entry);
            return true;
        }

        int faults;
        lock (entry.Sync)
        {
            faults = RestartPolicy.Record(entry.SourceFaults, time.GetUtcNow(), options.QuarantineWindow);
            if (faults < options.QuarantineAfterFaults)
            {
                entry.RestartingSources[sourceId] = $"{error} (restart in {restartIn.TotalSeconds:0.###} s)";
            }
        }

        if (faults < options.QuarantineAfterFaults)
        {
            UpdateState(entry);
            return true;
        }

        var reason = $"quarantined after {faults} event-source faults within {options.QuarantineWindow}; last: '{sourceId}' {error}. Fix the cause, then enable or reload the plugin";
        PluginLog.Quarantined(logger, entry.Id, reason);
        SetBase(entry, PluginState.Quarantined, reason);
        PublishCatalog();
        _ = Task.Run(() => StopQuarantinedAsync(entry, plugin, reason), CancellationToken.None);
        return false;
    }

    void IEventSourceObserver.OnSourceRestarted(LoadedPlugin plugin, string sourceId)
    {
        if (entries.TryGetValue(plugin.Manifest.Id, out var entry) && ReferenceEquals(entry.Active, plugin))
        {
            lock (entry.Sync)
            {
                entry.RestartingSources.Remove(sourceId);
            }

            UpdateState(entry);
        }
    }

    private async Task StopQuarantinedAsync(PluginEntry entry, LoadedPlugin plugin, string reason)
    {
        try
        {
            await WithGateAsync(entry.Id, async () =>
            {
                if (plugin.Supervisor is not null)
                {
                    await plugin.Supervisor.StopAsync();
                }

                if (entry.BaseState == PluginState.Quarantined)
                {
                    await SaveSettingsAsync(entry.Id, enabled: true, quarantine: reason, CancellationToken.None);
                }

                return true;
            }, CancellationToken.None);
        }
        catch (Exception ex)
        {
            PluginLog.BackgroundFailed(logger, ex, entry.Id);
        }
    }
}
