using Luohu.Hub.Runtime.Plugins.Isolation;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>What isolated plugins' process supervision reports: a crash makes the plugin Degraded while it restarts, repeated crashes quarantine it.</summary>
internal sealed partial class PluginManager
{
    TimeSpan? IPluginProcessObserver.OnProcessExited(LoadedPlugin plugin, string reason)
    {
        if (!entries.TryGetValue(plugin.Manifest.Id, out var entry) || !ReferenceEquals(entry.Active, plugin))
        {
            return null;
        }

        int crashes;
        TimeSpan delay;
        lock (entry.Sync)
        {
            crashes = RestartPolicy.Record(entry.ProcessCrashes, time.GetUtcNow(), options.QuarantineWindow);
            delay = RestartPolicy.Backoff(crashes, options.ProcessRestartBackoffMin, options.ProcessRestartBackoffMax);
            if (crashes < options.QuarantineAfterCrashes)
            {
                entry.ProcessDown = $"its process {reason}; restarting in {delay.TotalSeconds:0.###} s (crash {crashes} of {options.QuarantineAfterCrashes} within {options.QuarantineWindow} before quarantine)";
            }
        }

        if (crashes < options.QuarantineAfterCrashes)
        {
            UpdateState(entry);
            return delay;
        }

        var quarantine = $"quarantined after {crashes} process crashes within {options.QuarantineWindow}; last: its process {reason}. Fix the cause, then enable or reload the plugin";
        PluginLog.Quarantined(logger, entry.Id, quarantine);
        lock (entry.Sync)
        {
            entry.ProcessDown = null;
        }

        SetBase(entry, PluginState.Quarantined, quarantine);
        PublishCatalog();
        _ = Task.Run(() => StopQuarantinedAsync(entry, plugin, quarantine), CancellationToken.None);
        return null;
    }

    void IPluginProcessObserver.OnProcessRestarted(LoadedPlugin plugin, string reason)
    {
        if (!entries.TryGetValue(plugin.Manifest.Id, out var entry) || !ReferenceEquals(entry.Active, plugin))
        {
            return;
        }

        lock (entry.Sync)
        {
            entry.ProcessDown = null;
            entry.Note = $"its process was restarted at {time.GetUtcNow():u} after it {reason}";
        }

        UpdateState(entry, announce: true);
    }
}
