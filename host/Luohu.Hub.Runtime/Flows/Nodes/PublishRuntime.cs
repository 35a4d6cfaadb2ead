using System.Text.Json;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

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

        await Host.Services.Publisher.PublishAsync(new HubMessage
        {
            Id = FlowMessage.NewId(),
            Topic = rendered,
            Payload = JsonSerializer.SerializeToUtf8Bytes(message.Payload),
            Headers = message.HeadersAsStrings(),
            Timestamp = Host.Services.Time.GetUtcNow(),
            Source = _source,
            Delivery = message.Delivery,
        }, cancellationToken);
        await Host.EmitAsync(0, message, cancellationToken);
    }
}
