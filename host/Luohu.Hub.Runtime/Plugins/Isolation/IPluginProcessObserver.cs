namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>What a plugin process's supervision tells the manager, which owns states and quarantine.</summary>
internal interface IPluginProcessObserver
{
    /// <summary>The process ended unasked; returns how long to wait before restarting it, or null to leave it down (quarantine).</summary>
    TimeSpan? OnProcessExited(LoadedPlugin plugin, string reason);

    /// <summary>A replacement process serves the plugin again.</summary>
    void OnProcessRestarted(LoadedPlugin plugin, string reason);
}
