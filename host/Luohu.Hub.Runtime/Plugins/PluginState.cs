namespace Luohu.Hub.Runtime.Plugins;

/// <summary>The life of an installed plugin, as ops see it.</summary>
internal enum PluginState
{
    Loading,
    Running,
    Degraded,
    Faulted,
    Quarantined,
    Disabled,
    Unloaded,
}
