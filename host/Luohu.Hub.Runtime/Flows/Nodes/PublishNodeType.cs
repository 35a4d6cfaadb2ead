using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>publish</c>: puts the message's payload on the bus under a topic template
/// (<c>district/parking/{{payload.lot}}/status</c>), headers included, then passes the message on.
/// Publishing waits when a subscriber's queue is full (back-pressure reaches this flow's trigger).
/// </summary>
internal sealed class PublishNodeType : FlowNodeType<PublishNodeType.Settings>
{
    public override string Type => "publish";
    public override string Category => NodeCategory.Output;
    public override string Title => "Publish";
    public override string Description => "Publishes the payload on a topic (template); other flows, the MQTT bridge and the SSE stream see it.";

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["topic"],
        ("topic", SchemaBuilder.Text("Topic", "Topic template, e.g. district/parking/{{payload.lot}}/status; no wildcards.")));

    protected override Settings Read(NodeConfig config)
    {
        var topic = config.Template("topic", required: true);
        if (topic is not null && TopicFilter.ValidateTopic(topic.RenderSample("x")) is { } error)
        {
            config.Problem("topic", error);
        }

        return new Settings(topic);
    }

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new PublishRuntime(context, settings.Topic!);

    internal sealed record Settings(MessageTemplate? Topic);
}
