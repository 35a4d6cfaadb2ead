using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>alert</c>: records an alert (severity, title and message templates) in the alert log that ops and
/// dashboards read, publishes it on <c>alerts/{department}/{flowId}</c>, and passes the message on.
/// </summary>
internal sealed class AlertNodeType : FlowNodeType<AlertNodeType.Settings>
{
    public static readonly string[] Severities = ["info", "warning", "critical"];

    public override string Type => "alert";
    public override string Category => NodeCategory.Output;
    public override string Title => "Alert";
    public override string Description => "Raises an alert (info, warning, critical) that ops pages and dashboards show.";

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["title"],
        ("severity", SchemaBuilder.Text("Severity", "How urgent.", "warning", Severities)),
        ("title", SchemaBuilder.Text("Title", "Template, e.g. Car park {{payload.name}} is full.")),
        ("message", SchemaBuilder.Text("Message", "Template with details.")));

    protected override Settings Read(NodeConfig config) =>
        new(config.Choice("severity", Severities, "warning"), config.Template("title", required: true), config.Template("message"));

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new AlertRuntime(context, settings);

    internal sealed record Settings(string Severity, MessageTemplate? Title, MessageTemplate? Message);
}
