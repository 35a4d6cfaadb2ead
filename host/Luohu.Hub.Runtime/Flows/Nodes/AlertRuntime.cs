using System.Text.Json;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Alerts;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class AlertRuntime(NodeBuildContext context, AlertNodeType.Settings settings) : FlowNodeRuntime(context)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var now = Host.Services.Time.GetUtcNow();
        var alert = new FlowAlert
        {
            Id = FlowMessage.NewId(),
            Department = Host.Department,
            FlowId = Host.FlowId,
            NodeId = Host.NodeId,
            Severity = settings.Severity,
            Title = settings.Title!.Render(message.Body),
            Message = settings.Message?.Render(message.Body),
            Topic = message.Topic,
            Payload = message.Payload?.DeepClone(),
            RaisedAt = now,
        };
        Host.Services.Alerts.Record(alert);
        await Host.Services.Publisher.PublishAsync(new HubMessage
        {
            Id = alert.Id,
            Topic = $"alerts/{Host.Department}/{Host.FlowId}",
            Payload = JsonSerializer.SerializeToUtf8Bytes(alert, Json),
            Timestamp = now,
            Source = $"flow:{Host.FlowId}/{Host.NodeId}",
        }, cancellationToken);
        await Host.EmitAsync(0, message, cancellationToken);
    }
}
