using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

/// <summary>
/// <c>change</c>: ordered rules that set, move or delete fields of the message. A set value is a literal JSON
/// value, a template (<c>"{{payload.lot}}-status"</c>; a lone placeholder keeps the value's type), or a
/// JavaScript expression on <c>msg</c> as the earlier rules left it.
/// </summary>
internal sealed class ChangeNodeType : FlowNodeType<ChangeNodeType.Settings>
{
    private static readonly string[] Ops = ["set", "move", "delete"];
    private static readonly string[] ValueTypes = ["literal", "template", "expression"];

    public override string Type => "change";
    public override string Category => NodeCategory.Logic;
    public override string Title => "Change";
    public override string Description => "Sets, moves or deletes message fields, in order; values are literals, templates or JavaScript expressions.";

    protected override JsonObject BuildSchema() => SchemaBuilder.Object(
        ["rules"],
        ("rules", SchemaBuilder.List("Rules", "Applied in order.", SchemaBuilder.Object(
            ["op", "path"],
            ("op", SchemaBuilder.Text("Operation", "set, move or delete.", "set", Ops)),
            ("path", SchemaBuilder.Text("Field", "Message path, e.g. payload.status or headers.source.")),
            ("value", SchemaBuilder.AnyJson("Value", "For set: the literal, the template text, or the expression text.")),
            ("valueType", SchemaBuilder.Text("Value type", "literal (JSON as written), template ({{payload.x}}), expression (JavaScript on msg).", "literal", ValueTypes)),
            ("to", SchemaBuilder.Text("Move to", "For move: the destination path."))))));

    protected override Settings Read(NodeConfig config)
    {
        var rules = new List<Rule>();
        foreach (var item in config.Objects("rules", required: true))
        {
            var op = item.Choice("op", Ops, "set");
            var path = item.MessagePath("path", required: true);
            var to = op == "move" ? item.MessagePath("to", required: true) : null;
            var valueType = item.Choice("valueType", ValueTypes, "literal");
            JsonNode? value = null;
            string? text = null;
            if (op == "set")
            {
                if (valueType == "literal")
                {
                    value = item.Json("value");
                }
                else
                {
                    text = item.String("value", required: true);
                    if (valueType == "template" && text is not null && !MessageTemplate.TryParse(text, out _, out var error))
                    {
                        item.Problem("value", error);
                    }
                }
            }

            rules.Add(new Rule(item.Path, op, path, to, valueType, value, text));
        }

        return new Settings(rules);
    }

    protected override void Check(Settings settings, NodeValidationContext context)
    {
        for (var i = 0; i < settings.Rules.Count; i++)
        {
            var rule = settings.Rules[i];
            if (rule.ValueType == "expression")
            {
                context.CheckScript(context.Config, $"rules[{i}].value", rule.Text, FlowScriptKind.Expression);
            }
        }
    }

    protected override FlowNodeRuntime Create(Settings settings, NodeBuildContext context) => new ChangeRuntime(context, settings.Rules);

    internal sealed record Rule(string ConfigPath, string Op, MessagePath? Path, MessagePath? To, string ValueType, JsonNode? Value, string? Text);

    internal sealed record Settings(IReadOnlyList<Rule> Rules);
}
