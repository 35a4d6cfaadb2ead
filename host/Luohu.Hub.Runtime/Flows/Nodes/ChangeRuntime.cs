using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class ChangeRuntime : FlowNodeRuntime
{
    private readonly IReadOnlyList<ChangeNodeType.Rule> _rules;
    private readonly Dictionary<ChangeNodeType.Rule, MessageTemplate> _templates = [];
    private readonly Dictionary<ChangeNodeType.Rule, FlowScript> _expressions = [];

    public ChangeRuntime(NodeBuildContext context, IReadOnlyList<ChangeNodeType.Rule> rules)
        : base(context)
    {
        _rules = rules;
        foreach (var rule in rules.Where(r => r.ValueType == "template"))
        {
            _templates[rule] = MessageTemplate.Parse(rule.Text!);
        }

        foreach (var rule in rules.Where(r => r.ValueType == "expression"))
        {
            _expressions[rule] = Script(rule.Text!, FlowScriptKind.Expression);
        }
    }

    public override ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        // Works on a copy so a failing rule leaves the message as it arrived (for catch and dead letters).
        var body = (JsonObject)message.Body.DeepClone();
        foreach (var rule in _rules)
        {
            switch (rule.Op)
            {
                case "delete":
                    rule.Path!.Remove(body);
                    break;
                case "move":
                    var moved = rule.Path!.Remove(body);
                    rule.To!.Set(body, moved);
                    break;
                default:
                    rule.Path!.Set(body, ValueOf(rule, body, cancellationToken));
                    break;
            }
        }

        message.ReplaceBody(body);
        return Host.EmitAsync(0, message, cancellationToken);
    }

    private JsonNode? ValueOf(ChangeNodeType.Rule rule, JsonObject body, CancellationToken cancellationToken) => rule.ValueType switch
    {
        "template" => _templates[rule] is { SinglePath: { } single } ? single.Get(body)?.DeepClone() : JsonValue.Create(_templates[rule].Render(body)),
        "expression" => Run(_expressions[rule], body, cancellationToken),
        _ => rule.Value?.DeepClone(),
    };
}
