using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Workflows.Actions;

/// <summary><c>OutputExpression</c>: evaluates <c>Context.Expression</c> with the rule's variables and returns its value.</summary>
internal sealed class OutputExpressionAction : IRuleAction
{
    public const string ActionName = "OutputExpression";

    public string Name => ActionName;

    public ValueTask<JsonNode?> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var expression = context.GetContextString("Expression");
        if (string.IsNullOrWhiteSpace(expression))
        {
            throw new InvalidOperationException($"{ActionName} needs Context.Expression, a JavaScript expression whose value becomes the output.");
        }

        return ValueTask.FromResult(context.EvaluateExpression(expression));
    }
}
