using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows.Inputs;
using Luohu.Hub.Rules.Workflows.JavaScript;
using Luohu.Hub.Rules.Workflows.Lambda;
using RulesEngine.Exceptions;
using RulesEngine.Models;
using ReRule = RulesEngine.Models.Rule;
using ReWorkflow = RulesEngine.Models.Workflow;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// One workflow ready to evaluate: its RulesEngine copy registered in a RulesEngine of its own (so
/// <c>EvaluateRule</c> finds the workflow by its own name and compiled lambdas are cached per input types), its
/// JavaScript slots, and the lambda check per input types. Thread-safe.
/// </summary>
internal sealed partial class CompiledWorkflow
{
    private readonly ScriptSandbox _sandbox;
    private readonly RulesEngine.RulesEngine _engine;
    private readonly ReWorkflow _translated;
    private readonly WorkflowTranslator _translation;
    private readonly Dictionary<ReRule, string> _paths;
    private readonly ReSettings _settings;
    private readonly ConcurrentDictionary<string, ShapeCheck> _checks = new(StringComparer.Ordinal);
    private volatile GuardCheck? _lastCheck;
    private volatile InputNames? _lastNames;

    public CompiledWorkflow(Workflow workflow, ScriptSandbox sandbox, RulesOptions options)
    {
        Workflow = workflow;
        _sandbox = sandbox;
        if (workflow.WorkflowsToInject is { Count: > 0 })
        {
            throw new WorkflowRefusedException([new WorkflowProblem("WorkflowsToInject", "WorkflowsToInject is not supported in the hub; copy the rules into this workflow.")]);
        }

        if (RuleChains.FindLoop(workflow) is { } loop)
        {
            throw new WorkflowRefusedException([new WorkflowProblem(loop.Path, $"EvaluateRule actions chain in a loop ({loop.Loop}), which would never end; break the loop.")]);
        }

        _translation = new WorkflowTranslator();
        _translated = _translation.Translate(workflow);
        _paths = new Dictionary<ReRule, string>(ReferenceEqualityComparer.Instance);
        foreach (var (translated, original) in _translation.Rules)
        {
            _paths[translated] = original.Path;
        }

        var actions = new Dictionary<string, Func<RulesEngine.Actions.ActionBase>>(options.CustomActions, StringComparer.Ordinal)
        {
            [JavaScriptOutputAction.Name] = static () => new JavaScriptOutputAction(),
        };
        _settings = new ReSettings { CustomTypes = [typeof(Lambda.Hub), typeof(LuohuJavaScript)], CustomActions = actions };
        _engine = new RulesEngine.RulesEngine(_settings);
        try
        {
            _engine.AddWorkflow(_translated);
        }
        catch (RuleValidationException ex)
        {
            throw new WorkflowRefusedException([new WorkflowProblem("$", $"RulesEngine refused the workflow: {ex.Message}")]);
        }
    }

    public Workflow Workflow { get; }

    public async Task<WorkflowResult> EvaluateAsync(IReadOnlyDictionary<string, JsonNode?> inputs, RuleEvaluationOptions options, CancellationToken cancellationToken)
    {
        var parameters = InputParameters(inputs, _translation.HasLambda, out var inputNames);
        if (_translation.Slots.Count == 0)
        {
            // Lambda only: RulesEngine alone.
            var shape = Guard(parameters);
            var lambdaTrees = await ExecuteAsync(shape, parameters, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            return Results(lambdaTrees, null, null, inputNames);
        }

        var limits = options.Limits ?? _sandbox.LimitsFor(options.Department);
        var (message, named, names, signature) = SplitInputs(inputs);
        var evaluation = new JavaScriptEvaluation(_translation.Slots, _sandbox, limits, options, message, named, names, signature, cancellationToken);
        using var scope = evaluation.Enter();
        var globalError = EvaluateJavaScriptGlobals(_translation.JavaScriptGlobals, evaluation, parameters);
        var checkedShape = Guard(parameters);
        cancellationToken.ThrowIfCancellationRequested();
        var trees = globalError is null
            ? await ExecuteAsync(checkedShape, parameters, cancellationToken)
            : null;
        cancellationToken.ThrowIfCancellationRequested();
        return Results(trees, globalError, evaluation, inputNames);
    }

    /// <summary>Problems of the lambda expressions met with inputs like <paramref name="inputs"/>: parse errors and refusals.</summary>
    public IReadOnlyList<WorkflowProblem> TypeCheck(IReadOnlyDictionary<string, JsonNode?> inputs)
    {
        var parameters = InputParameters(inputs, typed: true, out _);
        parameters.AddRange(_translation.JavaScriptGlobals.Select(g => RuleParameter.Create(g.ParamName!, typeof(object))));
        var settings = new ReSettings { CustomTypes = [.. _settings.CustomTypes, .. parameters.Select(p => p.Type)] };
        return LambdaGuard.Check(_translated, _paths, [.. parameters], settings, reportParseErrors: true);
    }

    /// <summary>The inputs as RulesEngine values: typed objects for lambda expressions, or the JSON itself when only JavaScript reads them.</summary>
    private static List<RuleParameter> InputParameters(IReadOnlyDictionary<string, JsonNode?> inputs, bool typed, out HashSet<string> inputNames)
    {
        var parameters = new List<RuleParameter>(inputs.Count * 2);
        inputNames = new HashSet<string>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (name, value) in inputs)
        {
            position++;
            var input = typed ? RuleInputs.ToTyped(value) : value;
            var positional = PositionalName(position - 1);
            if (name != positional && ScriptNames.IsIdentifier(name) && inputNames.Add(name))
            {
                parameters.Add(new RuleParameter(name, input));
            }

            if (inputNames.Add(positional))
            {
                parameters.Add(new RuleParameter(positional, input));
            }
        }

        return parameters;
    }

    private static string? EvaluateJavaScriptGlobals(IReadOnlyList<JavaScriptSlot> globals, JavaScriptEvaluation evaluation, List<RuleParameter> parameters)
    {
        foreach (var slot in globals)
        {
            try
            {
                var value = LuohuJavaScript.Run(evaluation, slot);
                evaluation.RecordParam(null, slot.ParamName!, value);
                parameters.Add(new RuleParameter(slot.ParamName!, RuleInputs.ToTyped(value)));
            }
            catch (JavaScriptRuleException ex)
            {
                return ex.Message;
            }
        }

        return null;
    }

    /// <summary>
    /// Runs the rules. RulesEngine compiles a workflow's expressions the first time it meets inputs of a shape, and
    /// compiling parses: until one run of the shape has completed, the run holds an <see cref="AssemblyScanGate"/> scan.
    /// </summary>
    private async ValueTask<List<RuleResultTree>> ExecuteAsync(ShapeCheck shape, List<RuleParameter> parameters, CancellationToken cancellationToken)
    {
        if (shape.Compiled)
        {
            return await _engine.ExecuteAllRulesAsync(Workflow.WorkflowName!, [.. parameters], cancellationToken);
        }

        using (AssemblyScanGate.EnterScan())
        {
            var trees = await _engine.ExecuteAllRulesAsync(Workflow.WorkflowName!, [.. parameters], cancellationToken);
            shape.Compiled = true;
            return trees;
        }
    }

    private ShapeCheck Guard(List<RuleParameter> parameters)
    {
        // Inputs of one shape come again and again: their types are the same instances.
        if (_lastCheck is { } last && last.Matches(parameters))
        {
            last.Shape.ThrowIfRefused();
            return last.Shape;
        }

        var key = new StringBuilder();
        foreach (var parameter in parameters)
        {
            key.Append(parameter.Name).Append(':').Append(parameter.Type.AssemblyQualifiedName).Append(';');
        }

        var shape = _checks.GetOrAdd(key.ToString(), _ =>
        {
            var settings = new ReSettings { CustomTypes = [.. _settings.CustomTypes, .. parameters.Select(p => p.Type)] };
            return new ShapeCheck(LambdaGuard.Check(_translated, _paths, [.. parameters], settings));
        });

        _lastCheck = new GuardCheck([.. parameters.Select(p => p.Name)], [.. parameters.Select(p => p.Type)], shape);
        shape.ThrowIfRefused();
        return shape;
    }

    private (JsonNode? Message, Dictionary<string, JsonNode?> Named, IReadOnlyList<string> Names, string Signature) SplitInputs(IReadOnlyDictionary<string, JsonNode?> inputs)
    {
        JsonNode? message = null;
        var named = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        var position = 0;
        foreach (var (name, value) in inputs)
        {
            if (name == SourceWrapping.MessageParameter)
            {
                message = value;
            }
            else if (ScriptNames.IsUsable(name))
            {
                named[name] = value;
            }

            named.TryAdd(PositionalName(position++), value);
        }

        if (_lastNames is not { } names || !names.Matches(named))
        {
            _lastNames = names = new InputNames([.. named.Keys]);
        }

        return (message, named, names.Names, names.Signature);
    }

    private static string PositionalName(int index) => index < PositionalNames.Length ? PositionalNames[index] : $"input{index + 1}";

    private static readonly string[] PositionalNames = [.. Enumerable.Range(1, 16).Select(i => $"input{i}")];

    /// <summary>What is known of one shape of inputs: the lambda check's problems, and whether RulesEngine has compiled for it.</summary>
    private sealed class ShapeCheck(IReadOnlyList<WorkflowProblem> problems)
    {
        private volatile bool _compiled;

        public bool Compiled
        {
            get => _compiled;
            set => _compiled = value;
        }

        public void ThrowIfRefused()
        {
            if (problems.Count > 0)
            {
                throw new WorkflowRefusedException(problems);
            }
        }
    }

    /// <summary>The last shape met, by the very names and types (a reference comparison instead of a key).</summary>
    private sealed record GuardCheck(string[] Names, Type[] Types, ShapeCheck Shape)
    {
        public bool Matches(List<RuleParameter> parameters)
        {
            if (parameters.Count != Names.Length)
            {
                return false;
            }

            for (var i = 0; i < Names.Length; i++)
            {
                if (!ReferenceEquals(parameters[i].Type, Types[i]) || !string.Equals(parameters[i].Name, Names[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The names JavaScript expressions see the inputs by, and their signature.</summary>
    private sealed record InputNames(string[] Names)
    {
        public string Signature { get; } = string.Join('\u0001', Names);

        public bool Matches(Dictionary<string, JsonNode?> named)
        {
            if (named.Count != Names.Length)
            {
                return false;
            }

            var i = 0;
            foreach (var key in named.Keys)
            {
                if (!string.Equals(key, Names[i++], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
