using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>switch</c>: JavaScript conditions, each naming the port a matching message leaves by; the first match
/// (or every match with <c>mode: all</c>), else the <c>otherwise</c> port.
/// </summary>
internal sealed class SwitchNodeType : FlowNodeType<SwitchNodeType.Settings>
{
    public const string Otherwise = "otherwise";
    private static readonly string[] Modes = ["first", "all"];

    public override string Type => "switch";
    public override string Category => NodeCategory.Logic;
    public override string Title => "Switch";
    public override string Description => "Routes each message by JavaScript conditions to named ports, with an 'otherwise' port.";

    public override IReadOnlyList<string> GetOutputPorts(JsonElement? config)
    {
        var ports = new List<string>();
        var withOtherwise = true;
        if (config is { ValueKind: JsonValueKind.Object } c)
        {
            if (c.TryGetProperty("rules", out var rules) && rules.ValueKind == JsonValueKind.Array)
            {
                foreach (var rule in rules.EnumerateArray())
                {
                    if (rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("port", out var port)
                        && port.ValueKind == JsonValueKind.String && port.GetString() is { Length: > 0 } name && !ports.Contains(name))
                    {
                        ports.Add(name);
                    }
                }
            }

            withOtherwise = !(c.TryGetProperty("otherwise", out var o) && o.ValueKind == JsonValueKind.False);
        }

        if (withOtherwise && !ports.Contains(Otherwise))
        {
            ports.Add(Otherwise);
        }

        return ports;
    }

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["rules"],
        ("rules", SchemaBuilder.List("Conditions", "Checked in order; each sends matching messages to its port.", SchemaBuilder.Object(
            ["port", "expression"],
            ("port", SchemaBuilder.Text("Port", "Name of the output port, e.g. full.")),
            ("expression", SchemaBuilder.Text("Condition", "JavaScript expression on msg, e.g. msg.payload.free == 0.", format: "javascript"))))),
        ("mode", SchemaBuilder.Text("Mode", "first: only the first matching condition; all: every matching condition.", "first", Modes)),
        ("otherwise", SchemaBuilder.Boolean("Otherwise port", "Send messages no condition matched to the 'otherwise' port.", true)));

    protected override Settings Read(NodeConfig config)
    {
        var rules = config.Objects("rules", required: true)
            .Select(r => new Rule(r.String("port", required: true) ?? string.Empty, r.String("expression", required: true) ?? string.Empty))
            .ToList();
        return new Settings(rules, config.Choice("mode", Modes, "first") == "all", config.Bool("otherwise", true));
    }

    protected override void Check(Settings settings, NodeValidationContext context)
    {
        for (var i = 0; i < settings.Rules.Count; i++)
        {
            context.CheckScript(context.Config, $"rules[{i}].expression", settings.Rules[i].Expression, FlowScriptKind.Expression);
        }
    }

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context)
    {
        var ports = GetOutputPorts(context.Node.Config);
        return new SwitchRuntime(
            context,
            [.. settings.Rules.Select(r => (r.Expression, ports.ToList().IndexOf(r.Port)))],
            settings.All,
            settings.Otherwise ? ports.ToList().IndexOf(Otherwise) : -1);
    }

    internal sealed record Rule(string Port, string Expression);

    internal sealed record Settings(IReadOnlyList<Rule> Rules, bool All, bool Otherwise);
}
