using Luohu.Hub.Rules.Workflows;

namespace Luohu.Hub.Runtime.Flows.Scripting;

/// <summary>A rule workflow of a node, read once when the node was built (its RulesEngine is kept with it).</summary>
internal sealed class FlowWorkflow(Workflow workflow)
{
    internal Workflow Workflow { get; } = workflow;

    public string Name => Workflow.WorkflowName ?? string.Empty;
}
