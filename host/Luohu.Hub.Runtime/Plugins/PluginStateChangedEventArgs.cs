namespace Luohu.Hub.Runtime.Plugins;

internal sealed class PluginStateChangedEventArgs(PluginSnapshot plugin, PluginState previous) : EventArgs
{
    public PluginSnapshot Plugin { get; } = plugin;
    public PluginState Previous { get; } = previous;
}
