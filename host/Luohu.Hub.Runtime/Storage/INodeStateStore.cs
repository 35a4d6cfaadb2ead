namespace Luohu.Hub.Runtime.Storage;

/// <summary>Node state that must survive a restart (window, throttle), as JSON text per flow node.</summary>
internal interface INodeStateStore
{
    ValueTask<string?> GetAsync(string flowId, string nodeId, CancellationToken cancellationToken);

    /// <summary>Every node's state of a flow, by node id (one read when a flow starts).</summary>
    ValueTask<IReadOnlyDictionary<string, string>> ListAsync(string flowId, CancellationToken cancellationToken);

    ValueTask SetAsync(string flowId, string nodeId, string json, CancellationToken cancellationToken);

    ValueTask DeleteAsync(string flowId, string nodeId, CancellationToken cancellationToken);

    ValueTask DeleteFlowAsync(string flowId, CancellationToken cancellationToken);
}
