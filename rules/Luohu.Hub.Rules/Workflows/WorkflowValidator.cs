using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows.Lambda;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// Finds every problem of a workflow at once, each with its path (and line and column inside an expression): names,
/// dialects, duplicate rule names, operators, empty or unparsable expressions in either dialect, expressions that
/// reach reflection or files, unknown actions, chain targets and chain loops. With sample inputs, lambda expressions
/// are also parsed against the inputs' types, as RulesEngine will parse them.
/// </summary>
public sealed class WorkflowValidator
{
    private static readonly string[] Operators = ["And", "AndAlso", "Or", "OrElse"];

    private readonly ScriptSandbox _sandbox;
    private readonly HashSet<string> _actionNames;

    /// <summary>Creates a validator that knows the actions of <paramref name="engine"/>.</summary>
    public WorkflowValidator(ScriptSandbox sandbox, WorkflowEngine engine)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        ArgumentNullException.ThrowIfNull(engine);
        _sandbox = sandbox;
        _actionNames = new HashSet<string>(engine.ActionNames, StringComparer.Ordinal);
    }

    /// <summary>All problems of <paramref name="workflow"/>, in document order; empty when it is valid.</summary>
    /// <param name="workflow">The workflow.</param>
    /// <param name="sampleInputs">Inputs like those it will meet (the Rules page's test case): lambda expressions are then type-checked.</param>
    public IReadOnlyList<WorkflowProblem> Validate(Workflow workflow, IReadOnlyDictionary<string, JsonNode?>? sampleInputs = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        var walk = new Walk(this, workflow);
        if (string.IsNullOrWhiteSpace(workflow.WorkflowName))
        {
            walk.Add("WorkflowName", "The workflow has no WorkflowName; give it one.");
        }

        if (!RuleDialects.TryRead(workflow.RuleExpressionType, RuleDialect.Lambda, out _))
        {
            walk.Add("RuleExpressionType", $"RuleExpressionType '{workflow.RuleExpressionType}' is unknown; use {RuleDialects.Accepted} (or leave it out: LambdaExpression).");
        }

        if (workflow.WorkflowsToInject is { Count: > 0 })
        {
            walk.Add("WorkflowsToInject", "WorkflowsToInject is not supported in the hub; copy the rules into this workflow.");
        }

        var dialect = RuleDialects.Of(workflow);
        walk.Params(workflow.GlobalParams, "GlobalParams", dialect);
        if (workflow.Rules is not { Count: > 0 })
        {
            walk.Add("Rules", "The workflow has no rules; add at least one.");
        }
        else
        {
            walk.Rules(workflow.Rules, "Rules", dialect);
        }

        if (RuleChains.FindLoop(workflow) is { } loop)
        {
            walk.Add(loop.Path, $"EvaluateRule actions chain in a loop ({loop.Loop}), which would never end; break the loop.");
        }

        if (walk.Problems.Count == 0 && sampleInputs is not null)
        {
            walk.Problems.AddRange(TypeCheck(workflow, sampleInputs));
        }

        return walk.Problems;
    }

    private IEnumerable<WorkflowProblem> TypeCheck(Workflow workflow, IReadOnlyDictionary<string, JsonNode?> inputs)
    {
        try
        {
            return new CompiledWorkflow(workflow, _sandbox, new RulesOptions()).TypeCheck(inputs);
        }
        catch (WorkflowRefusedException ex)
        {
            return ex.Problems;
        }
    }

    private sealed class Walk(WorkflowValidator validator, Workflow workflow)
    {
        private readonly Dictionary<string, string> _seenRules = new(StringComparer.Ordinal);
        private readonly HashSet<string> _allRuleNames = AllRuleNames(workflow.Rules);

        public List<WorkflowProblem> Problems { get; } = [];

        public void Add(string path, string message) => Problems.Add(new WorkflowProblem(path, message));

        public void Rules(IReadOnlyList<Rule> rules, string path, RuleDialect dialect)
        {
            for (var i = 0; i < rules.Count; i++)
            {
                Rule(rules[i], $"{path}[{i}]", dialect);
            }
        }

        public void Params(IReadOnlyList<ScopedParam>? parameters, string path, RuleDialect dialect)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (parameters?.Count ?? 0); i++)
            {
                var param = parameters![i];
                var at = $"{path}[{i}]";
                if (string.IsNullOrWhiteSpace(param.Name))
                {
                    Add($"{at}.Name", "The param has no Name; give it an identifier such as ratio.");
                }
                else if (dialect == RuleDialect.JavaScript ? !ScriptNames.IsUsable(param.Name) : !ScriptNames.IsIdentifier(param.Name))
                {
                    Add($"{at}.Name", dialect == RuleDialect.JavaScript
                        ? $"'{param.Name}' cannot be a param name: use a JavaScript identifier that is not a reserved word or one of {string.Join(", ", ScriptSandbox.ReservedNames)}."
                        : $"'{param.Name}' cannot be a param name: use an identifier (letters, digits and _, not starting with a digit).");
                }
                else if (!seen.Add(param.Name))
                {
                    Add($"{at}.Name", $"The param name '{param.Name}' is used twice in {path}; rename one.");
                }

                Expression(param.Expression, $"{at}.Expression", "param", dialect);
            }
        }

        private void Rule(Rule rule, string path, RuleDialect inherited)
        {
            if (!RuleDialects.TryRead(rule.RuleExpressionType, inherited, out var dialect))
            {
                Add($"{path}.RuleExpressionType", $"RuleExpressionType '{rule.RuleExpressionType}' is unknown; use {RuleDialects.Accepted}.");
            }

            Name(rule, path);
            Params(rule.LocalParams, $"{path}.LocalParams", dialect);
            if (rule.Rules is { Count: > 0 } children)
            {
                if (rule.Operator is null)
                {
                    Add($"{path}.Operator", "The rule has nested Rules but no Operator; set it to And, AndAlso, Or or OrElse.");
                }
                else if (!Operators.Contains(rule.Operator, StringComparer.Ordinal))
                {
                    var near = Operators.FirstOrDefault(o => string.Equals(o, rule.Operator.Trim(), StringComparison.OrdinalIgnoreCase));
                    Add($"{path}.Operator", near is null
                        ? $"Operator '{rule.Operator}' is unknown; use And, AndAlso, Or or OrElse."
                        : $"Operator '{rule.Operator}' must be spelled '{near}' (RulesEngine reads operators case-sensitively).");
                }

                if (!string.IsNullOrWhiteSpace(rule.Expression))
                {
                    Add($"{path}.Expression", "The rule has nested Rules, so its Expression would be ignored; move it into a nested rule.");
                }

                Rules(children, $"{path}.Rules", dialect);
            }
            else if (string.IsNullOrWhiteSpace(rule.Expression))
            {
                Add($"{path}.Expression", dialect == RuleDialect.JavaScript
                    ? "The rule has no Expression; write a JavaScript expression that is true or false, e.g. msg.payload.free < 10."
                    : "The rule has no Expression; write a lambda expression that is true or false, e.g. input1.payload.free < 10.");
            }
            else
            {
                Expression(rule.Expression, $"{path}.Expression", "expression", dialect);
            }

            Action(rule.Actions?.OnSuccess, $"{path}.Actions.OnSuccess", dialect);
            Action(rule.Actions?.OnFailure, $"{path}.Actions.OnFailure", dialect);
        }

        private void Name(Rule rule, string path)
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
        }

        private void Action(ActionInfo? action, string path, RuleDialect dialect)
        {
            if (action is null)
            {
                return;
            }

            if (string.IsNullOrWhiteSpace(action.Name) || !validator._actionNames.Contains(action.Name))
            {
                Add($"{path}.Name", $"Unknown action '{action.Name}'; known actions: {string.Join(", ", validator._actionNames.Order(StringComparer.Ordinal))} (names are case-sensitive).");
                return;
            }

            if (action.Name == "OutputExpression")
            {
                Expression(WorkflowTranslator.ContextString(action.Context, "Expression"), $"{path}.Context.Expression", "output expression", dialect);
            }
            else if (action.Name == "EvaluateRule")
            {
                var target = WorkflowTranslator.ContextString(action.Context, "ruleName");
                if (string.IsNullOrWhiteSpace(target) || !_allRuleNames.Contains(target))
                {
                    Add($"{path}.Context.RuleName", $"EvaluateRule names rule '{target}', which is not in this workflow.");
                }

                var name = WorkflowTranslator.ContextString(action.Context, "workflowName");
                if (name != workflow.WorkflowName)
                {
                    Add($"{path}.Context.WorkflowName", $"EvaluateRule needs workflowName '{workflow.WorkflowName}': it chains to rules of the same workflow only.");
                }
            }
        }

        private void Expression(string? code, string path, string what, RuleDialect dialect)
        {
            if (string.IsNullOrWhiteSpace(code))
            {
                Add(path, $"The {what} is empty; write {(dialect == RuleDialect.JavaScript ? "a JavaScript" : "a lambda")} expression.");
                return;
            }

            if (dialect == RuleDialect.JavaScript)
            {
                if (validator._sandbox.Check(code, ScriptKind.Expression) is { } problem)
                {
                    Problems.Add(new WorkflowProblem(path, $"Syntax error at {problem}") { Line = problem.Line, Column = problem.Column });
                }
            }
            else if (LambdaSyntax.Check(code) is { } lambda)
            {
                var problem = WorkflowProblem.At(path, lambda.Message, code, lambda.Position);
                Problems.Add(LooksLikeJavaScript(code) ? problem with { Message = $"{problem.Message} (this looks like JavaScript: set \"RuleExpressionType\": \"JavaScript\" on the rule or the workflow)" } : problem);
            }
        }

        private static bool LooksLikeJavaScript(string code) =>
            code.Contains("===", StringComparison.Ordinal) || code.Contains("=>", StringComparison.Ordinal) || code.Contains('`', StringComparison.Ordinal)
            || code.Contains('\'', StringComparison.Ordinal);

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
    }
}
