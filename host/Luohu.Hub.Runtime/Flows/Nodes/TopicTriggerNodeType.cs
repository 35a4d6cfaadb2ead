using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary><c>trigger.topic</c>: messages on the bus (from plugins, MQTT, the API) whose topic matches an MQTT filter.</summary>
internal sealed class TopicTriggerNodeType : FlowNodeType<TopicTriggerNodeType.Settings>
{
    public static readonly string[] Overflows = ["wait", "drop-oldest", "drop-newest"];

    public override string Type => "trigger.topic";
    public override string Category => NodeCategory.Trigger;
    public override string Title => "Topic";
    public override string Description => "Starts the flow for every bus message whose topic matches an MQTT filter (+ one level, # the rest).";
    public override bool IsTrigger => true;

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["topic"],
        ("topic", SchemaBuilder.Text("Topic filter", "MQTT topic filter, e.g. sensors/parking/+/occupancy.")),
        ("capacity", SchemaBuilder.Integer("Queue capacity", "Messages waiting for this trigger before the overflow policy applies. Default: the hub's trigger capacity (1024).", null, 1, 1_000_000)),
        ("overflow", SchemaBuilder.Text("When the queue is full", "wait: slow the publishers (back-pressure, nothing lost); drop-oldest / drop-newest: shed and count.", "wait", Overflows)),
        ("orderBy", SchemaBuilder.Text("Order kept per", "topic (default): messages of one topic in arrival order, topics side by side; flow: every message in one order, one at a time; payload.<field>: per value of a payload field, e.g. payload.lot.", "topic")),
        ("concurrency", SchemaBuilder.Integer("Lanes", "Keys processed side by side (not with orderBy flow). Default: the hub's trigger concurrency (twice the processor count, at least 4).", null, 1, 256)));

    protected override Settings Read(NodeConfig config)
    {
        var topic = config.String("topic", required: true);
        if (topic is not null && !TopicFilter.TryParse(topic, out _, out var error))
        {
            config.Problem("topic", error);
        }

        var orderBy = config.String("orderBy") ?? "topic";
        if (TriggerSubscriptions.CheckOrderBy(orderBy) is { } orderError)
        {
            config.Problem("orderBy", orderError);
        }

        return new Settings(
            topic ?? "#",
            config.Has("capacity") ? config.Int("capacity", 1024, 1, 1_000_000) : null,
            config.Choice("overflow", Overflows, "wait"),
            orderBy,
            config.Has("concurrency") ? config.Int("concurrency", 16, 1, 256) : null);
    }

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) =>
        new TopicTriggerRuntime(context, settings.Topic, TriggerSubscriptions.Options(context.Host, settings.Capacity, settings.Overflow, settings.OrderBy, settings.Concurrency));

    internal sealed record Settings(string Topic, int? Capacity, string Overflow, string OrderBy, int? Concurrency);
}
