using System.Collections.Frozen;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>The registered <see cref="IFlowNodeType"/>s; a later registration of the same type name wins, so an issue can replace a reserved type.</summary>
internal sealed class FlowNodeTypeRegistry : IFlowNodeTypeRegistry
{
    private readonly FrozenDictionary<string, IFlowNodeType> _types;
    private readonly IReadOnlyList<NodeTypeDescriptor> _descriptors;

    public FlowNodeTypeRegistry(IEnumerable<IFlowNodeType> types)
    {
        var byName = new Dictionary<string, IFlowNodeType>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            byName[type.Type] = type;
        }

        _types = byName.ToFrozenDictionary(StringComparer.Ordinal);
        _descriptors = [.. byName.Values
            .OrderBy(t => CategoryOrder(t.Category))
            .ThenBy(t => t.Type, StringComparer.Ordinal)
            .Select(t => new NodeTypeDescriptor(t.Type, t.Category, t.Title, t.Description, t.IsTrigger, t.GetOutputPorts(null), t.ConfigSchema))];
    }

    public IReadOnlyList<NodeTypeDescriptor> List() => _descriptors;

    public IFlowNodeType? Find(string type) => _types.GetValueOrDefault(type);

    private static int CategoryOrder(string category) => category switch
    {
        NodeCategory.Trigger => 0,
        NodeCategory.Logic => 1,
        NodeCategory.Plugin => 2,
        _ => 3,
    };
}
