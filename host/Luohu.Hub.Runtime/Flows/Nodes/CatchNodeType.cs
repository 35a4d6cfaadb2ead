using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>catch</c>: receives the messages its flow's nodes failed on (optionally only those of listed node ids), as
/// they arrived at the failing node plus <c>error: { nodeId, nodeType, message }</c>. A failure downstream of a
/// catch node goes to the dead letters, never round to a catch node again.
/// </summary>
internal sealed class CatchNodeType : FlowNodeType<CatchNodeType.Settings>
{
    public override string Type => "catch";
    public override string Category => NodeCategory.Trigger;
    public override string Title => "Catch errors";
    public override string Description => "Receives messages that failed in this flow, with the error; without a catch node they go to the dead letters.";
    public override bool IsTrigger => true;

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        [],
        ("nodes", SchemaBuilder.List("Only from", "Node ids whose failures this node catches; empty = every node.", SchemaBuilder.Text("Node id", "A node of this flow."))));

    protected override Settings Read(NodeConfig config) => new(config.Strings("nodes"));

    protected override void Check(Settings settings, NodeValidationContext context)
    {
        for (var i = 0; i < settings.Nodes.Count; i++)
        {
            if (!context.Flow.Nodes.Any(n => n.Id == settings.Nodes[i]))
            {
                context.Config.Problem($"nodes[{i}]", $"The flow has no node '{settings.Nodes[i]}' to catch errors of.");
            }
        }
    }

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) =>
        new CatchRuntime(context, new HashSet<string>(settings.Nodes, StringComparer.Ordinal));

    internal sealed record Settings(IReadOnlyList<string> Nodes);
}
