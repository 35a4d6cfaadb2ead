using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class DebugRuntime(NodeBuildContext context, MessagePath? path) : FlowNodeRuntime(context)
{
    public override ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var now = Host.Services.Time.GetUtcNow();
        var shown = path is null ? message.Body.DeepClone() : path.Get(message.Body)?.DeepClone();
        var payload = new JsonObject
        {
            ["flowId"] = Host.FlowId,
            ["nodeId"] = Host.NodeId,
            ["version"] = Host.Version,
            ["messageId"] = message.Id,
            ["originId"] = message.OriginId,
            ["at"] = now.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["value"] = shown,
        };
        return Host.Services.Publisher.PublishAsync(new HubMessage
        {
            Id = FlowMessage.NewId(),
            Topic = $"$hub/debug/{Host.FlowId}/{Host.NodeId}",
            Payload = JsonSerializer.SerializeToUtf8Bytes(payload),
            Timestamp = now,
            Source = $"flow:{Host.FlowId}/{Host.NodeId}",
        }, cancellationToken);
    }
}
