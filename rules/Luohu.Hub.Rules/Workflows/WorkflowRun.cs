using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>One evaluation of one workflow: its inputs, global params, limits and rule index. Not shared between calls.</summary>
internal sealed partial class WorkflowRun
{
    private readonly ScriptSandbox _sandbox;
    private readonly IReadOnlyDictionary<string, IRuleAction> _actions;
    private readonly RuleEvaluationOptions _options;
    private readonly ScriptLimits _limits;
    private readonly JsonNode? _message;
    private readonly Dictionary<string, Rule> _rulesByName = new(StringComparer.Ordinal);
    private readonly List<string> _successEvents = [];
    private Dictionary<string, JsonNode?> _globals = [];
    private string? _globalError;

    public WorkflowRun(ScriptSandbox sandbox, IReadOnlyDictionary<string, IRuleAction> actions, Workflow workflow, IReadOnlyDictionary<string, JsonNode?> inputs, RuleEvaluationOptions options)
    {
        _sandbox = sandbox;
        _actions = actions;
        _options = options;
        _limits = options.Limits ?? sandbox.LimitsFor(options.Department);
        Workflow = workflow;
        (_message, Inputs) = SplitInputs(inputs);
        Index(workflow.Rules);
    }

    public Workflow Workflow { get; }

    /// <summary>Inputs by name and as input1..inputN; <c>msg</c> travels separately as the script's message.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Inputs { get; }

    public async Task<WorkflowResult> RunAsync(CancellationToken cancellationToken)
    {
        EvaluateGlobals();
        var results = new List<RuleResult>();
        foreach (var rule in Workflow.Rules ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            results.Add(await EvaluateAsync(rule, _globals, 0, cancellationToken));
        }

        var evaluated = results.Where(r => !r.IsSkipped).ToList();
        return new WorkflowResult
        {
            WorkflowName = Workflow.WorkflowName ?? string.Empty,
            IsSuccess = evaluated.Count > 0 && evaluated.All(r => r.IsSuccess),
            SuccessEvents = _successEvents,
            Results = results,
        };
    }

    public JsonNode? EvaluateExpression(string expression, IReadOnlyDictionary<string, JsonNode?> variables)
    {
        var input = new ScriptInput { Message = _message, Variables = variables, State = _options.State, LogSink = _options.LogSink };
        return _sandbox.Evaluate(expression, ScriptKind.Expression, input, _limits).Value;
    }

    public Task<RuleResult> EvaluateChainedAsync(string ruleName, int chainDepth, CancellationToken cancellationToken)
    {
        if (chainDepth > _options.MaxChainDepth)
        {
            throw new InvalidOperationException(
                $"EvaluateRule chained more than MaxChainDepth ({_options.MaxChainDepth}) times, at rule '{ruleName}'; check for rules that chain into each other in a loop.");
        }

        if (!_rulesByName.TryGetValue(ruleName, out var rule))
        {
            throw new InvalidOperationException(
                $"EvaluateRule: workflow '{Workflow.WorkflowName}' has no rule named '{ruleName}'; names are case-sensitive.");
        }

        return EvaluateAsync(rule, _globals, chainDepth, cancellationToken);
    }

    private void EvaluateGlobals()
    {
        var scope = new Dictionary<string, JsonNode?>(Inputs, StringComparer.Ordinal);
        var globals = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var parameters = Workflow.GlobalParams ?? [];
        for (var i = 0; i < parameters.Count; i++)
        {
            var error = EvaluateParam(parameters[i], $"GlobalParams[{i}]", scope, globals);
            if (error is not null)
            {
                _globalError = error;
                return;
            }
        }

        _globals = globals;
    }

    /// <summary>Evaluates one param into <paramref name="scope"/> and <paramref name="values"/>; returns why it failed, if it did.</summary>
    private string? EvaluateParam(ScopedParam param, string path, Dictionary<string, JsonNode?> scope, Dictionary<string, JsonNode?> values)
    {
        if (string.IsNullOrWhiteSpace(param.Name) || string.IsNullOrWhiteSpace(param.Expression))
        {
            return $"{path} needs both a Name and an Expression.";
        }

        try
        {
            var value = EvaluateExpression(param.Expression, scope);
            scope[param.Name] = value;
            values[param.Name] = value;
            return null;
        }
        catch (Exception ex) when (ex is ScriptException or ArgumentException)
        {
            return $"{path} '{param.Name}' could not be evaluated: {ex.Message}";
        }
    }

    private static (JsonNode? Message, IReadOnlyDictionary<string, JsonNode?> Inputs) SplitInputs(IReadOnlyDictionary<string, JsonNode?> inputs)
    {
        JsonNode? message = null;
        var named = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (name, value) in inputs)
        {
            position++;
            if (name == "msg")
            {
                message = value;
            }
            else if (ScriptSandbox.ReservedNames.Contains(name))
            {
                throw new ArgumentException(
                    $"Workflow input '{name}' uses a name reserved for the script helpers ({string.Join(", ", ScriptSandbox.ReservedNames)}); rename the input.",
                    nameof(inputs));
            }
            else if (IsIdentifier(name))
            {
                named[name] = value;
            }

            named.TryAdd($"input{position}", value);
        }

        return (message, named);
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] is '_' or '$') && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '$');

    private void Index(IReadOnlyList<Rule>? rules)
    {
        foreach (var rule in rules ?? [])
        {
            if (rule.RuleName is { } name)
            {
                _rulesByName.TryAdd(name, rule);
            }

            Index(rule.Rules);
        }
    }
}
