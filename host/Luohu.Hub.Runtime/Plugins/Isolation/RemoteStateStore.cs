using Luohu.Hub.Sdk.Plugins;
using StreamJsonRpc;

namespace Luohu.Hub.Runtime.Plugins.Isolation;

/// <summary>The plugin's state store inside its process: every read and write goes to the hub's store for the plugin.</summary>
internal sealed class RemoteStateStore(JsonRpc rpc) : IPluginStateStore
{
    public async ValueTask<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        await rpc.InvokeWithCancellationAsync<string?>("StateGet", [key], cancellationToken);

    public async ValueTask SetAsync(string key, string value, CancellationToken cancellationToken) =>
        await rpc.InvokeWithCancellationAsync("StateSet", [key, value], cancellationToken);

    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken) =>
        await rpc.InvokeWithCancellationAsync("StateRemove", [key], cancellationToken);
}
