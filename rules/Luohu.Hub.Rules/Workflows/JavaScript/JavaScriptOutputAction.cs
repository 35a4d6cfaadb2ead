using System.Globalization;
using RulesEngine.Actions;
using RulesEngine.Models;

namespace Luohu.Hub.Rules.Workflows.JavaScript;

/// <summary>
/// <c>OutputExpression</c> of a JavaScript rule: the hub registers it with RulesEngine under <see cref="Name"/> and
/// gives it the slot of the expression; its output is the expression's value as JSON.
/// </summary>
internal sealed class JavaScriptOutputAction : ActionBase
{
    public const string Name = "LuohuJavaScriptOutput";
    public const string SlotKey = "slot";

    public override ValueTask<object> Run(ActionContext context, RuleParameter[] ruleParameters)
    {
        var evaluation = JavaScriptEvaluation.Current;
        var slot = evaluation.Slot(int.Parse(context.GetContext<string>(SlotKey), CultureInfo.InvariantCulture));
        return ValueTask.FromResult<object>(new JavaScriptOutput(LuohuJavaScript.Run(evaluation, slot)));
    }
}

/// <summary>The output of a JavaScript action, kept as JSON (RulesEngine carries it as an object).</summary>
internal sealed record JavaScriptOutput(System.Text.Json.Nodes.JsonNode? Value);
