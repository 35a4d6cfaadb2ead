namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>Node state that must survive a restart, as JSON text per flow and node.</summary>
internal interface INodeStateRepository
{
    Task<IReadOnlyDictionary<string, string>> GetFlowAsync(string flowId, CancellationToken cancellationToken);

    Task SetAsync(string flowId, string nodeId, string json, CancellationToken cancellationToken);

    Task DeleteFlowAsync(string flowId, CancellationToken cancellationToken);
}
