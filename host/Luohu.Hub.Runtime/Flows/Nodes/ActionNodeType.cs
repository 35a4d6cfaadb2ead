using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>action</c>: calls a plugin capability (e.g. <c>signals.set-phase</c>) through the invoker, with the input
/// built from the message (a template object, a JavaScript expression, or by default the payload) and the output
/// put into <c>payload</c> or a named field. The call carries the flow's department and id. A capability no
/// running plugin offers fails at call time like any other error (catch node or dead letter), so flows can start
/// before plugins finish loading.
/// </summary>
internal sealed class ActionNodeType : FlowNodeType<ActionNodeType.Settings>
{
    public override string Type => "action";
    public override string Category => NodeCategory.Plugin;
    public override string Title => "Plugin action";
    public override string Description => "Runs a plugin capability with input mapped from the message; the output goes into the message.";

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["capability"],
        ("capability", SchemaBuilder.Text("Capability", "The action to run, e.g. signals.set-phase.")),
        ("input", SchemaBuilder.Dictionary("Input", "The input as a JSON object whose texts may hold templates, e.g. { \"lot\": \"{{payload.lot}}\" }. Default: the payload.")),
        ("inputExpression", SchemaBuilder.Text("Input expression", "Instead of 'input': a JavaScript expression on msg giving the input.", format: "javascript")),
        ("output", SchemaBuilder.Text("Output field", "Message path receiving the action's output.", "payload")),
        ("provider", SchemaBuilder.Text("Provider", "Ask this plugin to answer instead of the capability's first provider.")));

    protected override Settings Read(NodeConfig config)
    {
        var capability = config.String("capability", required: true) ?? string.Empty;
        var input = config.Json("input", kind: JsonValueKind.Object);
        var expression = config.String("inputExpression");
        if (input is not null && expression is not null)
        {
            config.Problem("inputExpression", "Give either 'input' or 'inputExpression', not both.");
        }

        foreach (var (path, error) in MessageTemplate.CheckTree(input, config.PathOf("input")))
        {
            config.Problem(path[(config.Path.Length + 1)..], error);
        }

        return new Settings(capability, input, expression, config.MessagePath("output", defaultValue: "payload"), config.String("provider"));
    }

    protected override void Check(Settings settings, NodeValidationContext context)
    {
        context.CheckScript(context.Config, "inputExpression", settings.InputExpression, FlowScriptKind.Expression);
        if (context.Catalog is { } catalog && settings.Capability.Length > 0
            && catalog.Find(settings.Capability) is not { Kind: ConnectorKind.Action })
        {
            context.Config.Problem("capability",
                $"No running plugin offers the action '{settings.Capability}' for department '{context.Flow.Department}'. Install or enable a plugin that provides it, or pick one of: " +
                string.Join(", ", catalog.List().Where(c => c.Kind == ConnectorKind.Action).Select(c => c.Id)) + ".");
        }
    }

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new ActionRuntime(context, settings);

    internal sealed record Settings(string Capability, JsonNode? Input, string? InputExpression, MessagePath? Output, string? Provider);
}
