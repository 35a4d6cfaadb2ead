using System.Diagnostics;
using System.Text.Json;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Telemetry;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class PublishRuntime(NodeBuildContext context, MessageTemplate topic) : FlowNodeRuntime(context)
{
    private readonly string _source = $"flow:{context.Host.FlowId}/{context.Host.NodeId}";

    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var rendered = topic.Render(message.Body);
        if (TopicFilter.ValidateTopic(rendered) is { } error)
        {
            throw new InvalidOperationException($"Publish node '{Host.NodeId}': the topic template '{topic.Text}' gave an invalid topic. {error}");
        }

        // The publish is its own span, and its context goes out in the headers: a subscriber (another flow, an MQTT
        // client through the broker or the bridge) continues this trace.
        using (var activity = HubTelemetry.Source.StartActivity("publish", ActivityKind.Producer))
        {
            if (activity is { IsAllDataRequested: true })
            {
                activity.SetTag(HubTelemetry.DestinationTag, rendered);
            }

            await Host.Services.Publisher.PublishAsync(new HubMessage
            {
                Id = FlowMessage.NewId(),
                Topic = rendered,
                Payload = JsonSerializer.SerializeToUtf8Bytes(message.Payload),
                Headers = TraceContext.Inject(activity, message.HeadersAsStrings()),
                Timestamp = Host.Services.Time.GetUtcNow(),
                Source = _source,
                Delivery = message.Delivery,
            }, cancellationToken);
        }

        await Host.EmitAsync(0, message, cancellationToken);
    }
}
