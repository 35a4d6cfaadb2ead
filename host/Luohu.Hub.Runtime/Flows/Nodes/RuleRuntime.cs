using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class RuleRuntime(NodeBuildContext context, RuleNodeType.Settings settings) : FlowNodeRuntime(context)
{
    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var outcome = await Host.Services.Scripting.EvaluateWorkflowAsync(settings.Workflow!, message.Body, Host.Department, cancellationToken);
        var body = (JsonObject)message.Body.DeepClone();
        (settings.ResultField ?? MessagePath.Parse("rule")).Set(body, outcome.ResultTree?.DeepClone());
        message.ReplaceBody(body);
        await Host.EmitAsync(outcome.IsSuccess ? 0 : 1, message, cancellationToken);
    }
}
