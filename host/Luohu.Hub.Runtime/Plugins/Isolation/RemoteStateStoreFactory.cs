using Luohu.Hub.Sdk.Plugins;
using StreamJsonRpc;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>The plugin process holds one plugin, so one remote store; deleting state is the hub's business.</summary>
internal sealed class RemoteStateStoreFactory(JsonRpc rpc) : IPluginStateStoreFactory
{
    public IPluginStateStore Create(string pluginId) => new RemoteStateStore(rpc);

    public ValueTask DeleteAllAsync(string pluginId, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A plugin process does not delete a plugin's state; the hub does on uninstall.");
}
