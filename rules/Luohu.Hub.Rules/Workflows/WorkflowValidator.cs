using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows.Actions;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// Finds every problem of a workflow at once, each with its path: missing names, duplicate rule names (across
/// the whole workflow, since <c>EvaluateRule</c> addresses rules by name), empty or unparsable expressions
/// (with line, column and the ES5.1 hint), unknown or missing operators, unknown actions and chain targets.
/// </summary>
public sealed class WorkflowValidator
{
    private readonly ScriptSandbox _sandbox;
    private readonly HashSet<string> _actionNames;

    /// <summary>Creates a validator that knows the actions of <paramref name="engine"/>.</summary>
    public WorkflowValidator(ScriptSandbox sandbox, RulesEngine engine)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(engine);
        _sandbox = sandbox;
        _actionNames = new HashSet<string>(engine.ActionNames, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All problems of <paramref name="workflow"/>, in document order; empty when it is valid.</summary>
    public IReadOnlyList<WorkflowProblem> Validate(Workflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var walk = new Walk(this, AllRuleNames(workflow.Rules));
        if (string.IsNullOrWhiteSpace(workflow.WorkflowName))
        {
            walk.Add("WorkflowName", "The workflow has no WorkflowName; give it one.");
        }

        walk.Params(workflow.GlobalParams, "GlobalParams");
        if (workflow.Rules is not { Count: > 0 })
        {
            walk.Add("Rules", "The workflow has no rules; add at least one.");
        }
        else
        {
            walk.Rules(workflow.Rules, "Rules");
        }

        return walk.Problems;
    }

    private static HashSet<string> AllRuleNames(IReadOnlyList<Rule>? rules)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules ?? [])
        {
            if (rule.RuleName is { } name)
            {
                names.Add(name);
            }

            names.UnionWith(AllRuleNames(rule.Rules));
        }

        return names;
    }

    private sealed class Walk(WorkflowValidator validator, HashSet<string> allRuleNames)
    {
        private readonly Dictionary<string, string> _seenRules = new(StringComparer.Ordinal);

        public List<WorkflowProblem> Problems { get; } = [];

        public void Add(string path, string message) => Problems.Add(new WorkflowProblem(path, message));

        public void Rules(IReadOnlyList<Rule> rules, string path)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                Rule(rules[i], $"{path}[{i}]");
            }
        }

        public void Params(IReadOnlyList<ScopedParam>? parameters, string path)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (parameters?.Count ?? 0); i++)
            {
                var param = parameters![i];
                var at = $"{path}[{i}]";
                if (string.IsNullOrWhiteSpace(param.Name))
                {
                    Add($"{at}.Name", "The param has no Name; give it a JavaScript identifier such as ratio.");
                }
                else if (ScriptSandbox.ReservedNames.Contains(param.Name) || !IsIdentifier(param.Name))
                {
                    Add($"{at}.Name", $"'{param.Name}' cannot be a param name: use a JavaScript identifier that is not one of {string.Join(", ", ScriptSandbox.ReservedNames)}.");
                }
                else if (!seen.Add(param.Name))
                {
                    Add($"{at}.Name", $"The param name '{param.Name}' is used twice in {path}; rename one.");
                }

                Expression(param.Expression, $"{at}.Expression", "param");
            }
        }

        private void Rule(Rule rule, string path)
        {
            if (string.IsNullOrWhiteSpace(rule.RuleName))
            {
                Add($"{path}.RuleName", "The rule has no RuleName; give it a name unique in the workflow.");
            }
            else if (_seenRules.TryGetValue(rule.RuleName, out var first))
            {
                Add($"{path}.RuleName", $"The rule name '{rule.RuleName}' is already used at {first}; rule names must be unique in the workflow.");
            }
            else
            {
                _seenRules[rule.RuleName] = path;
            }

            Params(rule.LocalParams, $"{path}.LocalParams");
            if (rule.Rules is { Count: > 0 } children)
            {
                if (rule.Operator is null)
                {
                    Add($"{path}.Operator", $"The rule has nested Rules but no Operator; set it to {RuleOperators.Accepted}.");
                }
                else if (!RuleOperators.TryParse(rule.Operator, out _))
                {
                    Add($"{path}.Operator", $"Operator '{rule.Operator}' is unknown; use {RuleOperators.Accepted}.");
                }

                if (!string.IsNullOrWhiteSpace(rule.Expression))
                {
                    Add($"{path}.Expression", "The rule has nested Rules, so its Expression would be ignored; move it into a nested rule.");
                }

                Rules(children, $"{path}.Rules");
            }
            else if (string.IsNullOrWhiteSpace(rule.Expression))
            {
                Add($"{path}.Expression", "The rule has no Expression; write a JavaScript expression that is true or false, e.g. msg.free < 10.");
            }
            else
            {
                Expression(rule.Expression, $"{path}.Expression", "expression");
            }

            Action(rule.Actions?.OnSuccess, $"{path}.Actions.OnSuccess");
            Action(rule.Actions?.OnFailure, $"{path}.Actions.OnFailure");
        }

        private void Action(ActionInfo? action, string path)
        {
            if (action is null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(action.Name) || !validator._actionNames.Contains(action.Name))
            {
                Add($"{path}.Name", $"Unknown action '{action.Name}'; known actions: {string.Join(", ", validator._actionNames.Order(StringComparer.Ordinal))}.");
                return;
            }

            var context = new ActionContextReader(action);
            if (string.Equals(action.Name, OutputExpressionAction.ActionName, StringComparison.OrdinalIgnoreCase))
            {
                Expression(context.Get("Expression"), $"{path}.Context.Expression", "output expression");
            }
            else if (string.Equals(action.Name, EvaluateRuleAction.ActionName, StringComparison.OrdinalIgnoreCase))
            {
                var target = context.Get("RuleName");
                if (string.IsNullOrWhiteSpace(target) || !allRuleNames.Contains(target))
                {
                    Add($"{path}.Context.RuleName", $"EvaluateRule names rule '{target}', which is not in this workflow.");
                }
            }
        }

        private void Expression(string? code, string path, string what)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                Add(path, $"The {what} is empty; write a JavaScript expression.");
                return;
            }

            if (validator._sandbox.Check(code, ScriptKind.Expression) is { } problem)
            {
                Add(path, $"Syntax error at {problem}");
            }
        }

        private static bool IsIdentifier(string name) =>
            (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');
    }

    private readonly struct ActionContextReader(ActionInfo action)
    {
        public string? Get(string key)
        {
            foreach (var (name, value) in action.Context ?? [])
            {
                if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
                {
                    return value?.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value?.ToJsonString();
                }
            }

            return null;
        }
    }
}
