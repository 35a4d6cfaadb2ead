using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>Evaluating one rule: params, expression or nested rules, then its action.</summary>
internal sealed partial class WorkflowRun
{
    private async Task<RuleResult> EvaluateAsync(Rule rule, IReadOnlyDictionary<string, JsonNode?> inherited, int chainDepth, CancellationToken cancellationToken)
    {
        var name = rule.RuleName ?? "(unnamed rule)";
        if (!rule.Enabled)
        {
            return new RuleResult { RuleName = name, IsSkipped = true, SkipReason = "disabled (Enabled is false)" };
        }

        var scope = new Dictionary<string, JsonNode?>(Inputs, StringComparer.Ordinal);
        var paramValues = new Dictionary<string, JsonNode?>(inherited, StringComparer.Ordinal);
        foreach (var (key, value) in inherited)
        {
            scope[key] = value;
        }

        var outcome = _globalError is not null
            ? Outcome.Error(_globalError)
            : EvaluateLocals(rule, scope, paramValues) ?? await EvaluateBodyAsync(rule, paramValues, chainDepth, cancellationToken);

        if (outcome.Success && rule.SuccessEvent is { Length: > 0 } successEvent)
        {
            _successEvents.Add(successEvent);
        }

        var errorMessage = outcome.Success ? null : outcome.Exception ?? rule.ErrorMessage ?? outcome.Reason;
        var action = outcome.Success ? rule.Actions?.OnSuccess : rule.Actions?.OnFailure;
        return new RuleResult
        {
            RuleName = name,
            IsSuccess = outcome.Success,
            SuccessEvent = outcome.Success ? rule.SuccessEvent : null,
            ErrorMessage = errorMessage,
            ExceptionMessage = outcome.Exception,
            Params = paramValues.Count > 0 ? paramValues : null,
            ChildResults = outcome.Children,
            ActionResult = action is null
                ? null
                : await RunActionAsync(action, new ActionContext(this, rule, outcome.Success, errorMessage, scope, action.Context, chainDepth), cancellationToken),
        };
    }

    private Outcome? EvaluateLocals(Rule rule, Dictionary<string, JsonNode?> scope, Dictionary<string, JsonNode?> paramValues)
    {
        var locals = rule.LocalParams ?? [];
        for (var i = 0; i < locals.Count; i++)
        {
            var error = EvaluateParam(locals[i], $"LocalParams[{i}]", scope, paramValues);
            if (error is not null)
            {
                return Outcome.Error(error);
            }
        }

        return null;
    }

    private async Task<Outcome> EvaluateBodyAsync(Rule rule, IReadOnlyDictionary<string, JsonNode?> paramValues, int chainDepth, CancellationToken cancellationToken)
    {
        if (rule.Rules is { Count: > 0 } children)
        {
            return await EvaluateNestedAsync(rule, children, paramValues, chainDepth, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(rule.Expression))
        {
            return Outcome.Error("The rule has neither an Expression nor nested Rules; give it a JavaScript expression such as msg.free < 10.");
        }

        var scope = new Dictionary<string, JsonNode?>(Inputs, StringComparer.Ordinal);
        foreach (var (key, value) in paramValues)
        {
            scope[key] = value;
        }

        try
        {
            var value = EvaluateExpression(rule.Expression, scope);
            return value is JsonValue boolean && boolean.TryGetValue<bool>(out var success)
                ? new Outcome(success, success ? null : "The expression evaluated to false.", null, [])
                : Outcome.Error($"The expression must evaluate to true or false, but gave {value?.ToJsonString() ?? "null"}; compare explicitly, e.g. msg.free < 10.");
        }
        catch (Exception ex) when (ex is ScriptException or ArgumentException)
        {
            return Outcome.Error(ex.Message);
        }
    }

    private async Task<Outcome> EvaluateNestedAsync(Rule rule, IReadOnlyList<Rule> children, IReadOnlyDictionary<string, JsonNode?> paramValues, int chainDepth, CancellationToken cancellationToken)
    {
        if (!RuleOperators.TryParse(rule.Operator, out var op))
        {
            return Outcome.Error(rule.Operator is null
                ? $"The rule has nested Rules but no Operator; set Operator to {RuleOperators.Accepted}."
                : $"Operator '{rule.Operator}' is unknown; use {RuleOperators.Accepted}.");
        }

        var results = new List<RuleResult>();
        string? stoppedBy = null;
        foreach (var child in children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (stoppedBy is not null)
            {
                results.Add(new RuleResult { RuleName = child.RuleName ?? "(unnamed rule)", IsSkipped = true, SkipReason = stoppedBy });
                continue;
            }

            var result = await EvaluateAsync(child, paramValues, chainDepth, cancellationToken);
            results.Add(result);
            if (!result.IsSkipped && op == RuleOperator.AndAlso && !result.IsSuccess)
            {
                stoppedBy = $"not evaluated: AndAlso stopped after '{result.RuleName}' failed";
            }
            else if (!result.IsSkipped && op == RuleOperator.OrElse && result.IsSuccess)
            {
                stoppedBy = $"not evaluated: OrElse stopped after '{result.RuleName}' succeeded";
            }
        }

        var evaluated = results.Where(r => !r.IsSkipped).ToList();
        if (evaluated.Count == 0)
        {
            return Outcome.Error("Every nested rule is disabled, so the rule cannot be decided; enable one or disable this rule.");
        }

        var success = op is RuleOperator.And or RuleOperator.AndAlso ? evaluated.All(r => r.IsSuccess) : evaluated.Any(r => r.IsSuccess);
        var reason = success ? null : $"{op} of nested rules failed: {string.Join(", ", evaluated.Where(r => !r.IsSuccess).Select(r => r.RuleName))}.";
        return new Outcome(success, reason, null, results);
    }

    private async Task<ActionResult> RunActionAsync(ActionInfo action, ActionContext context, CancellationToken cancellationToken)
    {
        var name = action.Name ?? string.Empty;
        if (!_actions.TryGetValue(name, out var implementation))
        {
            return new ActionResult { ActionName = name, Exception = $"Unknown action '{name}'; known actions: {string.Join(", ", _actions.Keys.Order(StringComparer.Ordinal))}." };
        }

        try
        {
            return new ActionResult { ActionName = implementation.Name, Output = await implementation.ExecuteAsync(context, cancellationToken) };
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An action is plugin or script code: its failure is reported on the rule, never thrown out of the engine.
            return new ActionResult { ActionName = implementation.Name, Exception = ex.Message };
        }
    }

    private sealed record Outcome(bool Success, string? Reason, string? Exception, IReadOnlyList<RuleResult> Children)
    {
        public static Outcome Error(string message) => new(false, message, message, []);
    }
}
