using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>Node state in the hub's store.</summary>
internal sealed class StoreNodeStateRepository(INodeStateStore store) : INodeStateRepository
{
    public async Task<IReadOnlyDictionary<string, string>> GetFlowAsync(string flowId, CancellationToken cancellationToken) =>
        await store.ListAsync(flowId, cancellationToken);

    public async Task SetAsync(string flowId, string nodeId, string json, CancellationToken cancellationToken) =>
        await store.SetAsync(flowId, nodeId, json, cancellationToken);

    public async Task DeleteFlowAsync(string flowId, CancellationToken cancellationToken) =>
        await store.DeleteFlowAsync(flowId, cancellationToken);
}
