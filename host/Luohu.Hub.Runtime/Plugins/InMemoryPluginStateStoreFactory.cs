using System.Collections.Concurrent;
using Luohu.Hub.Sdk.Plugins;

namespace Luohu.Hub.Runtime.Plugins;

/// <summary>Plugin key-value state for the life of the process; survives reloads and upgrades, not restarts.</summary>
internal sealed class InMemoryPluginStateStoreFactory : IPluginStateStoreFactory
{
    private readonly ConcurrentDictionary<string, InMemoryPluginStateStore> stores = new(StringComparer.Ordinal);

    public IPluginStateStore Create(string pluginId) => stores.GetOrAdd(pluginId, _ => new InMemoryPluginStateStore());

    public ValueTask DeleteAllAsync(string pluginId, CancellationToken cancellationToken)
    {
        stores.TryRemove(pluginId, out _);
        return ValueTask.CompletedTask;
    }
}
