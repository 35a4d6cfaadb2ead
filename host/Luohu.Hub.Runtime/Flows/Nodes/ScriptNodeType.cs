using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>script</c>: a JavaScript function body on the rules sandbox (the message is the node's own: a run that completes changes it in place). It sees <c>msg</c> (topic, payload, headers),
/// <c>ctx.get/set</c> (this node's state, kept across deploys and restarts) and returns the message, an array with
/// one element per output (null sends nothing on that output), or null to drop the message.
/// </summary>
internal sealed class ScriptNodeType : FlowNodeType<ScriptNodeType.Settings>
{
    public const int MaxOutputs = 16;

    public override string Type => "script";
    public override string Category => NodeCategory.Logic;
    public override string Title => "Script";
    public override string Description => "A JavaScript function body (modern JavaScript, strict mode): change msg and return it, return [a, b] for several outputs, or null to drop.";

    public override IReadOnlyList<string> GetOutputPorts(JsonElement? config) => PortsFor(OutputsOf(config));

    public static IReadOnlyList<string> PortsFor(int outputs) =>
        outputs <= 1 ? FlowPorts.Single : [.. Enumerable.Range(0, outputs).Select(i => i.ToString(CultureInfo.InvariantCulture))];

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["code"],
        ("code", SchemaBuilder.Text("Code", "Function body in JavaScript (strict mode); sees msg, ctx, log, and helpers. Example: msg.payload.full = msg.payload.free == 0; return msg;", format: "javascript")),
        ("outputs", SchemaBuilder.Integer("Outputs", "Number of output ports (0, 1, ... when more than one); return an array with one element per output.", 1, 1, MaxOutputs)));

    protected override Settings Read(NodeConfig config) =>
        new(config.String("code", required: true) ?? string.Empty, config.Int("outputs", 1, 1, MaxOutputs));

    protected override void Check(Settings settings, NodeValidationContext context) =>
        context.CheckScript(context.Config, "code", settings.Code, FlowScriptKind.Function);

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new ScriptRuntime(context, settings.Code, settings.Outputs);

    private static int OutputsOf(JsonElement? config) =>
        config is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("outputs", out var o) && o.ValueKind == JsonValueKind.Number && o.TryGetInt32(out var n) && n is > 1 and <= MaxOutputs ? n : 1;

    internal sealed record Settings(string Code, int Outputs);
}
