using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Workflows.JavaScript;
using RulesEngine.Models;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>RulesEngine's result trees as the hub's <see cref="RuleResult"/> tree, one shape for both dialects.</summary>
internal sealed partial class CompiledWorkflow
{
    private const string ScopedParamsError = "Error while executing scoped params for rule";

    private WorkflowResult Results(List<RuleResultTree>? trees, string? globalError, JavaScriptEvaluation? evaluation, IReadOnlySet<string> inputNames)
    {
        var byRule = new Dictionary<Rule, RuleResultTree>(ReferenceEqualityComparer.Instance);
        foreach (var tree in trees ?? [])
        {
            Index(tree, byRule);
        }

        var events = new List<string>();
        var results = new List<RuleResult>();
        foreach (var rule in Workflow.Rules ?? [])
        {
            results.Add(globalError is not null && rule.Enabled
                ? Failed(rule, $"{ScopedParamsError} `{rule.RuleName}` - {globalError}")
                : Map(rule, byRule, evaluation, inputNames, events));
        }

        var evaluated = results.Where(r => !r.IsSkipped).ToList();
        return new WorkflowResult
        {
            WorkflowName = Workflow.WorkflowName ?? string.Empty,
            IsSuccess = evaluated.Count > 0 && evaluated.All(r => r.IsSuccess),
            SuccessEvents = events,
            Results = results,
        };
    }

    private void Index(RuleResultTree tree, Dictionary<Rule, RuleResultTree> byRule)
    {
        if (tree.Rule is { } translated && _translation.Rules.TryGetValue(translated, out var original))
        {
            byRule[original.Rule] = tree;
        }

        foreach (var child in tree.ChildResults ?? [])
        {
            Index(child, byRule);
        }
    }

    private static RuleResult Map(Rule rule, Dictionary<Rule, RuleResultTree> byRule, JavaScriptEvaluation? evaluation, IReadOnlySet<string> inputNames, List<string> events)
    {
        var name = rule.RuleName ?? "(unnamed rule)";
        if (!byRule.TryGetValue(rule, out var tree))
        {
            return new RuleResult { RuleName = name, IsSkipped = true, SkipReason = rule.Enabled ? "not evaluated" : "disabled (Enabled is false)" };
        }

        if (tree.IsSuccess && rule.SuccessEvent is { Length: > 0 } successEvent)
        {
            events.Add(successEvent);
        }

        var children = (rule.Rules ?? []).Select(child => Map(child, byRule, evaluation, inputNames, events)).ToList();
        var exception = Clean(tree.ExceptionMessage, rule, evaluation);
        var isException = exception is not null && IsEngineError(exception);
        return new RuleResult
        {
            RuleName = name,
            IsSuccess = tree.IsSuccess,
            SuccessEvent = tree.IsSuccess ? rule.SuccessEvent : null,
            ErrorMessage = tree.IsSuccess ? null : exception ?? rule.ErrorMessage ?? "The expression evaluated to false.",
            ExceptionMessage = isException ? exception : null,
            Params = Params(tree, rule, evaluation, inputNames),
            ChildResults = children,
            ActionResult = Action(rule, tree),
        };
    }

    private static RuleResult Failed(Rule rule, string message) => new()
    {
        RuleName = rule.RuleName ?? "(unnamed rule)",
        ErrorMessage = message,
        ExceptionMessage = message,
    };

    private static bool IsEngineError(string message) =>
        message.StartsWith("Error while", StringComparison.Ordinal) || message.StartsWith("Exception while", StringComparison.Ordinal);

    /// <summary>RulesEngine prints a failed scoped param with its stack trace; the JavaScript error alone says more.</summary>
    private static string? Clean(string? message, Rule rule, JavaScriptEvaluation? evaluation)
    {
        if (string.IsNullOrEmpty(message))
        {
            return null;
        }

        if (message.StartsWith(ScopedParamsError, StringComparison.Ordinal))
        {
            var javaScript = evaluation?.ParamErrorOf(rule);
            var firstLine = message.Split('\n')[0].TrimEnd();
            return javaScript is null ? firstLine : $"{ScopedParamsError} `{rule.RuleName}` - {javaScript}";
        }

        return message.Replace(" - Exception while executing", " - ", StringComparison.Ordinal);
    }

    private static Dictionary<string, JsonNode?>? Params(RuleResultTree tree, Rule rule, JavaScriptEvaluation? evaluation, IReadOnlySet<string> inputNames)
    {
        Dictionary<string, JsonNode?>? values = null;
        foreach (var (name, value) in tree.Inputs ?? [])
        {
            if (!inputNames.Contains(name))
            {
                (values ??= new(StringComparer.Ordinal))[name] = ToJson(value);
            }
        }

        if (evaluation is not null)
        {
            foreach (var (name, value) in evaluation.ParamsOf(rule))
            {
                (values ??= new(StringComparer.Ordinal))[name] = value?.DeepClone();
            }
        }

        return values;
    }

    private static ActionResult? Action(Rule rule, RuleResultTree tree)
    {
        var action = tree.IsSuccess ? rule.Actions?.OnSuccess : rule.Actions?.OnFailure;
        if (action is null || tree.ActionResult is not { } result)
        {
            return null;
        }

        return new ActionResult
        {
            ActionName = action.Name ?? string.Empty,
            Output = result.Output is JavaScriptOutput javaScript ? javaScript.Value?.DeepClone() : ToJson(result.Output),
            Exception = result.Exception?.Message,
        };
    }

    internal static JsonNode? ToJson(object? value)
    {
        switch (value)
        {
            case null:
                return null;
            case JsonNode node:
                return node.DeepClone();
            case DateTime time:
                return JsonValue.Create(time);
            default:
                try
                {
                    // Property names as the expression wrote them (new (lot.id as Id) gives "Id"), as RulesEngine's own serialization does.
                    return JsonSerializer.SerializeToNode(value, value.GetType(), JsonSerializerOptions.Default);
                }
                catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException or JsonException or ArgumentException)
                {
                    return JsonValue.Create(value.ToString());
                }
        }
    }
}
