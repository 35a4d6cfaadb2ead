using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>What an <see cref="IRuleAction"/> knows about the rule that triggered it, and what it may do.</summary>
public sealed class ActionContext
{
    private readonly WorkflowRun _run;
    private readonly int _chainDepth;

    internal ActionContext(WorkflowRun run, Rule rule, bool ruleSucceeded, string? ruleError, IReadOnlyDictionary<string, JsonNode?> variables, JsonObject? context, int chainDepth)
    {
        _run = run;
        _chainDepth = chainDepth;
        Rule = rule;
        RuleSucceeded = ruleSucceeded;
        RuleError = ruleError;
        Variables = variables;
        Context = context ?? [];
    }

    /// <summary>The workflow being evaluated.</summary>
    public Workflow Workflow => _run.Workflow;

    /// <summary>The rule whose action this is.</summary>
    public Rule Rule { get; }

    /// <summary>Whether the rule succeeded (OnSuccess) or failed (OnFailure).</summary>
    public bool RuleSucceeded { get; }

    /// <summary>Why the rule failed, when it did.</summary>
    public string? RuleError { get; }

    /// <summary>The inputs (by name and as <c>input1</c>..<c>inputN</c>) and the params the rule saw.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Variables { get; }

    /// <summary>The action's <c>Context</c> object from the workflow (empty when there is none).</summary>
    public JsonObject Context { get; }

    /// <summary>A string setting from <see cref="Context"/>, looked up case-insensitively.</summary>
    public string? GetContextString(string key)
    {
        foreach (var (name, value) in Context)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return value is JsonValue text && text.TryGetValue<string>(out var s) ? s : value?.ToJsonString();
            }
        }

        return null;
    }

    /// <summary>Evaluates a JavaScript expression with the rule's variables, under the evaluation's limits.</summary>
    /// <exception cref="ScriptException">The expression has a syntax error, threw or hit a limit.</exception>
    public JsonNode? EvaluateExpression(string expression) => _run.EvaluateExpression(expression, Variables);

    /// <summary>Evaluates another rule of the same workflow (with the global params) and returns its result.</summary>
    /// <exception cref="InvalidOperationException">The rule does not exist, or the chain is deeper than <see cref="RuleEvaluationOptions.MaxChainDepth"/>.</exception>
    public Task<RuleResult> EvaluateRuleAsync(string ruleName, CancellationToken cancellationToken) =>
        _run.EvaluateChainedAsync(ruleName, _chainDepth + 1, cancellationToken);
}
