namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>Every node type the hub knows, built-in and added by other parts.</summary>
internal interface IFlowNodeTypeRegistry
{
    IReadOnlyList<NodeTypeDescriptor> List();

    IFlowNodeType? Find(string type);
}
