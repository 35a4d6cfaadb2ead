using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>A runtime node's way out: its identity, state, services, and the wires of its own snapshot.</summary>
internal sealed class NodeHost
{
    private FlowSnapshot? _snapshot;

    public NodeHost(FlowDefinition flow, int version, FlowNode node, int index, NodeState state, FlowServices services)
    {
        FlowId = flow.Id;
        Department = flow.Department;
        Version = version;
        NodeId = node.Id;
        NodeType = node.Type;
        Index = index;
        State = state;
        Services = services;
    }

    public string FlowId { get; }
    public string Department { get; }
    public int Version { get; }
    public string NodeId { get; }
    public string NodeType { get; }
    public int Index { get; }
    public NodeState State { get; }
    public FlowServices Services { get; }

    /// <summary>Cancelled when the flow is undeployed or the hub stops (not when a newer version replaces this one).</summary>
    public CancellationToken Stopping => Snapshot.Stopping;

    private FlowSnapshot Snapshot => _snapshot ?? throw new InvalidOperationException("The node is not part of a compiled snapshot yet.");

    /// <summary>Sends <paramref name="message"/> along every wire of output <paramref name="port"/> (by index).</summary>
    public ValueTask EmitAsync(int port, FlowMessage message, CancellationToken cancellationToken) =>
        Snapshot.EmitAsync(Index, port, message, cancellationToken);

    /// <summary>Routes a failure of this node that happened outside <see cref="FlowNodeRuntime.HandleAsync"/> (timers).</summary>
    public ValueTask FailAsync(FlowMessage message, Exception error, CancellationToken cancellationToken) =>
        Snapshot.FailAsync(Index, message, error, cancellationToken);

    /// <summary>The runtime of another node of this node's snapshot (a <c>timer.cancel</c> reaches its timer), or null.</summary>
    public FlowNodeRuntime? RuntimeOf(string nodeId) =>
        Snapshot.TryGetNode(nodeId, out var index) && !Snapshot[index].Node.Disabled ? Snapshot[index].Runtime : null;

    internal void Attach(FlowSnapshot snapshot) => _snapshot = snapshot;
}
