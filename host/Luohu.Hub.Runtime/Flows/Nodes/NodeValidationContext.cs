using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows.Scripting;
using Luohu.Hub.Runtime.RuleLibrary;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>What a node type sees while validating one node.</summary>
internal sealed class NodeValidationContext(FlowDefinition flow, FlowNode node, IFlowScripting scripting, ICapabilityCatalog? catalog, IRuleLibrary? library)
{
    public FlowDefinition Flow { get; } = flow;
    public FlowNode Node { get; } = node;
    public NodeConfig Config { get; } = new(node.Id, node.Config);
    public IFlowScripting Scripting { get; } = scripting;

    /// <summary>The running plugins' capabilities; null when the plugin runtime is not part of this host.</summary>
    public ICapabilityCatalog? Catalog { get; } = catalog;

    /// <summary>The rules library rule nodes may name; null when this host has none.</summary>
    public IRuleLibrary? Library { get; } = library;

    /// <summary>Checks a script and records its syntax problem (line, column and the sandbox's hint) at <paramref name="name"/>.</summary>
    public void CheckScript(NodeConfig config, string name, string? code, FlowScriptKind kind)
    {
        if (code is null)
        {
            return;
        }

        var problem = Scripting.Check(code, kind);
        if (problem is not null)
        {
            config.Problem(name, $"The script does not parse: {problem.Message}", problem.Line, problem.Column);
        }
    }
}
