using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class ActionRuntime(NodeBuildContext context, ActionNodeType.Settings settings) : FlowNodeRuntime(context)
{
    // Compiled once per deployed version: the input mapping is parsed here, not for every message.
    private readonly MessageTemplateTree? inputTemplate = settings.Input is null ? null : MessageTemplateTree.Compile(settings.Input);
    private readonly MessagePath outputPath = settings.Output ?? MessagePath.Parse("payload");
    private readonly FlowScript? inputExpression = settings.InputExpression is null ? null : context.Host.Services.Scripting.Compile(settings.InputExpression, FlowScriptKind.Expression);

    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var invoker = Host.Services.Invoker ?? throw new CapabilityException(
            CapabilityErrorKind.NotFound, settings.Capability, $"No plugin runtime is running, so '{settings.Capability}' cannot be called.");
        var input = inputExpression is not null
            ? Run(inputExpression, message.Body, cancellationToken)
            : inputTemplate is not null
                ? inputTemplate.Render(message.Body)
                : message.Payload?.DeepClone();
        var context = new InvocationContext
        {
            CorrelationId = message.OriginId,
            Department = Host.Department,
            FlowId = Host.FlowId,
            Provider = settings.Provider,
        };
        var result = await invoker.InvokeAsync(settings.Capability, JsonSerializer.SerializeToElement(input), context, cancellationToken);
        var body = (JsonObject)message.Body.DeepClone();
        outputPath.Set(body, JsonNode.Parse(result.GetRawText()));
        message.ReplaceBody(body);
        await Host.EmitAsync(0, message, cancellationToken);
    }
}
