using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Flows.Scripting;

namespace Luohu.Hub.Runtime.Flows.Nodes;

internal sealed class SwitchRuntime : FlowNodeRuntime
{
    private readonly (FlowScript Expression, int Port)[] _rules;
    private readonly bool _all;
    private readonly int _otherwisePort;

    public SwitchRuntime(NodeBuildContext context, IReadOnlyList<(string Expression, int Port)> rules, bool all, int otherwisePort)
        : base(context)
    {
        _rules = [.. rules.Select(r => (Script(r.Expression, FlowScriptKind.Expression), r.Port))];
        _all = all;
        _otherwisePort = otherwisePort;
    }

    public override async ValueTask HandleAsync(FlowMessage message, CancellationToken cancellationToken)
    {
        var matched = new List<int>();
        foreach (var (expression, port) in _rules)
        {
            if (IsTruthy(Run(expression, message.Body, cancellationToken)))
            {
                matched.Add(port);
                if (!_all)
                {
                    break;
                }
            }
        }

        if (matched.Count == 0 && _otherwisePort >= 0)
        {
            matched.Add(_otherwisePort);
        }

        for (var i = 0; i < matched.Count; i++)
        {
            await Host.EmitAsync(matched[i], i == matched.Count - 1 ? message : message.Clone(), cancellationToken);
        }
    }

    /// <summary>JavaScript truthiness of a JSON result.</summary>
    public static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => JsonNumber.Get(v) is var d && d != 0 && !double.IsNaN(d),
            JsonValueKind.String => v.GetValue<string>().Length > 0,
            _ => false,
        },
        _ => true,
    };
}
