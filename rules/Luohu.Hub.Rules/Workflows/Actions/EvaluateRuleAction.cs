using System.Text.Json;
using System.Text.Json.Nodes;

namespace Luohu.Hub.Rules.Workflows.Actions;

/// <summary>
/// <c>EvaluateRule</c>: evaluates another rule of the same workflow (<c>Context.RuleName</c>; <c>Context.WorkflowName</c>
/// may only name the current workflow) and outputs that rule's result.
/// </summary>
internal sealed class EvaluateRuleAction : IRuleAction
{
    public const string ActionName = "EvaluateRule";

    public string Name => ActionName;

    public async ValueTask<JsonNode?> ExecuteAsync(ActionContext context, CancellationToken cancellationToken)
    {
        var ruleName = context.GetContextString("RuleName");
        if (string.IsNullOrWhiteSpace(ruleName))
        {
            throw new InvalidOperationException($"{ActionName} needs Context.RuleName, the rule of this workflow to evaluate next.");
        }

        var workflowName = context.GetContextString("WorkflowName");
        if (workflowName is not null && workflowName != context.Workflow.WorkflowName)
        {
            throw new InvalidOperationException(
                $"{ActionName} can only chain within the current workflow '{context.Workflow.WorkflowName}', not into '{workflowName}'; leave WorkflowName out or copy the rule.");
        }

        var result = await context.EvaluateRuleAsync(ruleName, cancellationToken);
        return JsonSerializer.SerializeToNode(result, WorkflowJson.WriteOptions);
    }
}
