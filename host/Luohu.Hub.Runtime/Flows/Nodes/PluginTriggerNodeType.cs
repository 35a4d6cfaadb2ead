using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>trigger.plugin</c>: the events of one plugin event source (e.g. <c>parking.occupancy</c>). Event sources
/// publish on the bus with <c>Source = plugin:{plugin}/{capability}</c>; the trigger subscribes to the source's
/// topics (or <c>topic</c>) and keeps the messages of that source only.
/// </summary>
internal sealed class PluginTriggerNodeType(IServiceProvider services) : FlowNodeType<PluginTriggerNodeType.Settings>
{
    public override string Type => "trigger.plugin";
    public override string Category => NodeCategory.Trigger;
    public override string Title => "Plugin event";
    public override string Description => "Starts the flow for every event of a plugin event source, whichever plugin serves it.";
    public override bool IsTrigger => true;

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["capability"],
        ("capability", SchemaBuilder.Text("Event source", "The event source capability, e.g. parking.occupancy.")),
        ("topic", SchemaBuilder.Text("Topic filter", "Narrows the events to an MQTT filter; default: the event source's own topics.")),
        ("capacity", SchemaBuilder.Integer("Queue capacity", "Events waiting for this trigger. Default 1024.", null, 1, 1_000_000)),
        ("overflow", SchemaBuilder.Text("When the queue is full", "wait, drop-oldest or drop-newest.", "wait", TopicTriggerNodeType.Overflows)));

    protected override Settings Read(NodeConfig config)
    {
        var capability = config.String("capability", required: true);
        var topic = config.String("topic");
        if (topic is not null && !TopicFilter.TryParse(topic, out _, out var error))
        {
            config.Problem("topic", error);
        }

        return new Settings(
            capability ?? string.Empty,
            topic,
            config.Has("capacity") ? config.Int("capacity", 1024, 1, 1_000_000) : null,
            config.Choice("overflow", TopicTriggerNodeType.Overflows, "wait"));
    }

    protected override void Check(Settings settings, NodeValidationContext context)
    {
        if (context.Catalog is { } catalog && settings.Capability.Length > 0
            && catalog.Find(settings.Capability) is not { Kind: ConnectorKind.EventSource })
        {
            context.Config.Problem("capability",
                $"No running plugin offers the event source '{settings.Capability}'. Install or enable a plugin that provides it, or pick one of: " +
                string.Join(", ", catalog.List().Where(c => c.Kind == ConnectorKind.EventSource).Select(c => c.Id)) + ".");
        }
    }

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context)
    {
        var catalog = (ICapabilityCatalog?)services.GetService(typeof(ICapabilityCatalog));
        var filter = settings.Topic ?? catalog?.Find(settings.Capability)?.Topics ?? "#";
        if (!TopicFilter.TryParse(filter, out _, out _))
        {
            filter = "#";
        }

        return new PluginTriggerRuntime(context, filter, TriggerSubscriptions.Options(context.Host, settings.Capacity, settings.Overflow), settings.Capability);
    }

    internal sealed record Settings(string Capability, string? Topic, int? Capacity, string Overflow);
}
