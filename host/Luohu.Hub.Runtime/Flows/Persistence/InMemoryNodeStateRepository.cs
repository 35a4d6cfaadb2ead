using System.Collections.Concurrent;

namespace Luohu.Hub.Runtime.Flows.Persistence;

/// <summary>Node state in memory: survives deploys and undeploy/redeploy, not a restart.</summary>
internal sealed class InMemoryNodeStateRepository : INodeStateRepository
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _flows = new(StringComparer.Ordinal);

    public Task<IReadOnlyDictionary<string, string>> GetFlowAsync(string flowId, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, string> state = _flows.TryGetValue(flowId, out var nodes)
            ? new Dictionary<string, string>(nodes, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return Task.FromResult(state);
    }

    public Task SetAsync(string flowId, string nodeId, string json, CancellationToken cancellationToken)
    {
        _flows.GetOrAdd(flowId, _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal))[nodeId] = json;
        return Task.CompletedTask;
    }

    public Task DeleteFlowAsync(string flowId, CancellationToken cancellationToken)
    {
        _flows.TryRemove(flowId, out _);
        return Task.CompletedTask;
    }
}
