namespace Luohu.Hub.Runtime.Flows.Engine;

/// <summary>What a node type gets when it builds a runtime node.</summary>
internal sealed class NodeBuildContext(FlowNode node, NodeHost host)
{
    public FlowNode Node { get; } = node;
    public NodeHost Host { get; } = host;
}
