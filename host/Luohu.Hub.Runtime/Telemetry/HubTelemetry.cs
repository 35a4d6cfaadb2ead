using System.Diagnostics;

namespace Luohu.Hub.Runtime.Telemetry;

/// <summary>
/// The hub's one <see cref="ActivitySource"/> and the names its spans and instruments share. Tags carry ids the hub
/// defines (flow, node, plugin, capability), never payload values, so their cardinality is bounded by what is deployed.
/// </summary>
internal static class HubTelemetry
{
    /// <summary>The activity source and meter name; an exporter listens to <c>Luohu.Hub*</c> for the MQTT and outbox meters too.</summary>
    public const string Name = "Luohu.Hub";

    public const string FlowTag = "luohu.flow.id";
    public const string NodeTag = "luohu.node.id";
    public const string NodeTypeTag = "luohu.node.type";
    public const string PluginTag = "luohu.plugin.id";
    public const string CapabilityTag = "luohu.capability";
    public const string ConnectorTag = "luohu.connector";
    public const string OutcomeTag = "luohu.outcome";
    public const string MessageIdTag = "luohu.message.id";
    public const string DestinationTag = "messaging.destination.name";

    /// <summary>Static like the framework's own sources: a span finds its listeners however many hubs a process holds.</summary>
    public static readonly ActivitySource Source = new(Name);
}
