using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;
using Luohu.Hub.Runtime.Outbox;

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
        var result = Host.Services.Outbox is { } outbox && Host.Services.Catalog?.Find(settings.Capability) is { ChangesWorld: true }
            ? await outbox.ExecuteAsync(new OutboxCall
            {
                Capability = settings.Capability,
                Input = input,
                FlowId = Host.FlowId,
                FlowVersion = Host.Version,
                NodeId = Host.NodeId,
                MessageId = MessageIdentity(message),
                Department = Host.Department,
                Provider = settings.Provider,
                CorrelationId = message.OriginId,
            }, cancellationToken)
            : await invoker.InvokeAsync(settings.Capability, JsonSerializer.SerializeToElement(input), new InvocationContext
            {
                CorrelationId = message.OriginId,
                Department = Host.Department,
                FlowId = Host.FlowId,
                FlowVersion = Host.Version,
                NodeId = Host.NodeId,
                Provider = settings.Provider,
            }, cancellationToken);
        var body = (JsonObject)message.Body.DeepClone();
        outputPath.Set(body, JsonNode.Parse(result.GetRawText()));
        message.ReplaceBody(body);
        await Host.EmitAsync(0, message, cancellationToken);
    }

    /// <summary>
    /// Who the message is across redeliveries: the sender's <c>idempotency-key</c> header (a webhook's
    /// <c>Idempotency-Key</c>, an MQTT user property), else the id of the bus message or request that started it.
    /// </summary>
    internal static string MessageIdentity(FlowMessage message)
    {
        if (message.Body[FlowMessage.HeadersField] is JsonObject headers)
        {
            foreach (var (name, value) in headers)
            {
                if (string.Equals(name, IdempotencyHeader, StringComparison.OrdinalIgnoreCase)
                    && value is JsonValue text && text.TryGetValue<string>(out var key) && key.Length > 0)
                {
                    return "key:" + key;
                }
            }
        }

        return message.OriginId;
    }

    internal const string IdempotencyHeader = "idempotency-key";
}
