using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Gives each plugin id its own <see cref="IPluginStateStore"/> (the SDK's small key-value state).</summary>
internal interface IPluginStateStoreFactory
{
    IPluginStateStore Create(string pluginId);

    /// <summary>Removes all state of a plugin (on uninstall).</summary>
    ValueTask DeleteAllAsync(string pluginId, CancellationToken cancellationToken);
}
