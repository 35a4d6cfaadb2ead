using System.Linq.Dynamic.Core.Exceptions;
using System.Linq.Expressions;
using System.Text.Json;
using RulesEngine.ExpressionBuilders;
using RulesEngine.Models;
using ReActionInfo = RulesEngine.Models.ActionInfo;
using ReRule = RulesEngine.Models.Rule;
using ReScopedParam = RulesEngine.Models.ScopedParam;
using ReWorkflow = RulesEngine.Models.Workflow;

namespace Luohu.Hub.Rules.Workflows.Lambda;

/// <summary>
/// Parses every lambda expression of a translated workflow the way RulesEngine will — same parser, same settings,
/// the inputs' and params' types in scope — and checks each tree against <see cref="LambdaAllowList"/> before
/// RulesEngine compiles or runs anything. An expression that does not parse is left for RulesEngine to report on
/// its rule, unless parse errors are asked for (validation with sample inputs).
/// </summary>
internal sealed class LambdaGuard
{
    private readonly RuleExpressionParser _parser;
    private readonly IReadOnlyDictionary<ReRule, string> _paths;
    private readonly bool _reportParseErrors;
    private readonly List<WorkflowProblem> _problems = [];

    private LambdaGuard(ReSettings settings, IReadOnlyDictionary<ReRule, string> paths, bool reportParseErrors)
    {
        _parser = new RuleExpressionParser(settings);
        _paths = paths;
        _reportParseErrors = reportParseErrors;
    }

    /// <summary>Every expression of <paramref name="workflow"/> that reaches beyond plain data (and, if asked, that does not parse).</summary>
    public static IReadOnlyList<WorkflowProblem> Check(
        ReWorkflow workflow, IReadOnlyDictionary<ReRule, string> paths, RuleParameter[] inputs, ReSettings settings, bool reportParseErrors = false)
    {
        using var scan = AssemblyScanGate.EnterScan();
        var guard = new LambdaGuard(settings, paths, reportParseErrors);
        var scope = inputs.Select(i => i.ParameterExpression).ToList();
        var globals = workflow.GlobalParams?.ToList() ?? [];
        for (var i = 0; i < globals.Count; i++)
        {
            guard.Param(globals[i], $"GlobalParams[{i}].Expression", scope);
        }

        foreach (var rule in workflow.Rules ?? [])
        {
            guard.Rule(rule, [.. scope]);
        }

        return guard._problems;
    }

    private void Rule(ReRule rule, List<ParameterExpression> scope)
    {
        var path = _paths.TryGetValue(rule, out var p) ? p : rule.RuleName ?? "?";
        var locals = rule.LocalParams?.ToList() ?? [];
        for (var i = 0; i < locals.Count; i++)
        {
            Param(locals[i], $"{path}.LocalParams[{i}].Expression", scope);
        }

        if (rule.Rules?.Any() == true)
        {
            foreach (var child in rule.Rules)
            {
                Rule(child, [.. scope]);
            }
        }
        else
        {
            Expression(rule.Expression, typeof(bool), $"{path}.Expression", scope);
        }

        Action(rule.Actions?.OnSuccess, $"{path}.Actions.OnSuccess", scope);
        Action(rule.Actions?.OnFailure, $"{path}.Actions.OnFailure", scope);
    }

    private void Action(ReActionInfo? action, string path, List<ParameterExpression> scope)
    {
        foreach (var (key, value) in action?.Context ?? [])
        {
            if (string.Equals(action!.Name, "OutputExpression", StringComparison.Ordinal) && string.Equals(key, "expression", StringComparison.OrdinalIgnoreCase))
            {
                Expression(value?.ToString(), null, $"{path}.Context.Expression", scope);
            }
            else if (string.Equals(key, "additionalInputs", StringComparison.OrdinalIgnoreCase) && value is JsonElement { ValueKind: JsonValueKind.Array } inputs)
            {
                var index = 0;
                foreach (var input in inputs.EnumerateArray())
                {
                    var expression = input.ValueKind == JsonValueKind.Object
                        ? input.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, "Expression", StringComparison.OrdinalIgnoreCase)).Value
                        : default;
                    Expression(expression.ValueKind == JsonValueKind.String ? expression.GetString() : null, null, $"{path}.Context.additionalInputs[{index++}].Expression", scope);
                }
            }
        }
    }

    private void Param(ReScopedParam param, string path, List<ParameterExpression> scope)
    {
        var parsed = Expression(param.Expression, null, path, scope);
        if (param.Name is { Length: > 0 } name)
        {
            scope.Add(System.Linq.Expressions.Expression.Parameter(parsed?.Type ?? typeof(object), name));
        }
    }

    private Expression? Expression(string? text, Type? returnType, string path, List<ParameterExpression> scope)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        Expression parsed;
        try
        {
            parsed = _parser.Parse(text, [.. scope], returnType);
        }
        catch (ParseException ex)
        {
            if (_reportParseErrors)
            {
                _problems.Add(WorkflowProblem.At(path, ex.Message, text, ex.Position));
            }

            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            if (_reportParseErrors)
            {
                _problems.Add(new WorkflowProblem(path, ex.Message));
            }

            return null;
        }

        if (LambdaAllowList.FindViolation(parsed) is { } violation)
        {
            _problems.Add(new WorkflowProblem(path,
                $"The expression reaches {violation}, which rule expressions may not use (reflection, files, processes and the environment are out of reach); use the inputs' fields, Math, Convert and the hub's helpers (Hub.Round, Hub.Clamp, Hub.DistanceMeters, Hub.IsoTime)."));
        }

        return parsed;
    }
}
