using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class RuleRuntime(NodeBuildContext context, RuleNodeType.Settings settings) : FlowNodeRuntime(context)
{
    private readonly FlowWorkflow _workflow = context.Host.Services.Scripting.ParseWorkflow(settings.Workflow!);
    private readonly MessagePath _resultField = settings.ResultField ?? MessagePath.Parse("rule");

    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var outcome = await Host.Services.Scripting.EvaluateWorkflowAsync(_workflow, message.Body, Host.State, Host.Department, cancellationToken);

        // Evaluating never changes the message, so the result goes onto it once the workflow has run.
        _resultField.Set(message.Body, outcome.ResultTree);
        await Host.EmitAsync(outcome.IsSuccess ? 0 : 1, message, cancellationToken);
    }
}
