using Luohu.Hub.Runtime.Flows.Nodes;

namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>A node of a compiled snapshot with its output wiring as arrays of target indexes per port.</summary>
internal sealed record CompiledNode(FlowNode Node, IFlowNodeType Type, FlowNodeRuntime Runtime, NodeState State, IReadOnlyList<string> Ports)
{
    /// <summary>Per output port, the indexes of the nodes wired to it.</summary>
    public int[][] Targets { get; init; } = [];

    /// <summary>For catch nodes: the node ids it is limited to (null = every node).</summary>
    public IReadOnlySet<string>? CatchScope { get; init; }

    /// <summary>Signature of a trigger's subscription (type + config); equal signatures keep the subscription across deploys.</summary>
    public string? TriggerSignature { get; init; }
}
