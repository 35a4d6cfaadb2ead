using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class ActionRuntime(NodeBuildContext context, ActionNodeType.Settings settings) : FlowNodeRuntime(context)
{
    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var invoker = Host.Services.Invoker ?? throw new CapabilityException(
            CapabilityErrorKind.NotFound, settings.Capability, $"No plugin runtime is running, so '{settings.Capability}' cannot be called.");
        var input = settings.InputExpression is not null
            ? Host.Services.Scripting.Run(settings.InputExpression, FlowScriptKind.Expression, message.Body, Host.State, Host.Department)
            : settings.Input is not null
                ? MessageTemplate.RenderTree(settings.Input, message.Body)
                : message.Payload?.DeepClone();
        var context = new InvocationContext
        {
            CorrelationId = message.OriginId,
            Department = Host.Department,
            FlowId = Host.FlowId,
            Provider = settings.Provider,
        };
        var output = await invoker.InvokeAsync(settings.Capability, JsonSerializer.SerializeToElement(input), context, cancellationToken);
        var body = (JsonObject)message.Body.DeepClone();
        (settings.Output ?? MessagePath.Parse("payload")).Set(body, JsonNode.Parse(output.GetRawText()));
        message.ReplaceBody(body);
        await Host.EmitAsync(0, message, cancellationToken);
    }
}
