using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>debug</c>: publishes what reaches it on <c>$hub/debug/{flowId}/{nodeId}</c> for the SSE stream and the
/// designer. <c>$</c> topics are not matched by filters starting with a wildcard, so flows never see them.
/// </summary>
internal sealed class DebugNodeType : FlowNodeType<DebugNodeType.Settings>
{
    public override string Type => "debug";
    public override string Category => NodeCategory.Output;
    public override string Title => "Debug";
    public override string Description => "Shows the messages reaching it in the designer's debug panel (topic $hub/debug/{flow}/{node}).";

    public override IReadOnlyList<string> GetOutputPorts(JsonElement? config) => FlowPorts.None;

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        [],
        ("path", SchemaBuilder.Text("Show", "Message path to show, e.g. payload; default: the whole message.")));

    protected override Settings Read(NodeConfig config) => new(config.MessagePath("path"));

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new DebugRuntime(context, settings.Path);

    internal sealed record Settings(MessagePath? Path);
}
