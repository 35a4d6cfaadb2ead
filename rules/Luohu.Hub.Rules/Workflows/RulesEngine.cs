using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows.Actions;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// Evaluates <see cref="Workflow"/>s. Thread-safe; one instance per hub. A rule whose expression fails is a
/// failed rule with the reason; nothing but cancellation and invalid arguments is thrown out of the engine.
/// </summary>
public sealed class RulesEngine
{
    private readonly ScriptSandbox _sandbox;
    private readonly Dictionary<string, IRuleAction> _actions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates an engine with the built-in actions plus <paramref name="customActions"/> (a custom action replaces a built-in of the same name).</summary>
    public RulesEngine(ScriptSandbox sandbox, IEnumerable<IRuleAction>? customActions = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        _sandbox = sandbox;
        IRuleAction[] builtIns = [new OutputExpressionAction(), new EvaluateRuleAction()];
        foreach (var action in builtIns.Concat(customActions ?? []))
        {
            _actions[action.Name] = action;
        }
    }

    /// <summary>Names of the actions rules may use.</summary>
    public IReadOnlyCollection<string> ActionNames => _actions.Keys;

    /// <summary>Evaluates every rule of <paramref name="workflow"/> against <paramref name="inputs"/>.</summary>
    /// <param name="workflow">The workflow; validate it first with <see cref="WorkflowValidator"/> for better messages.</param>
    /// <param name="inputs">
    /// Named inputs, visible to expressions by name (when the name is a JavaScript identifier) and as
    /// <c>input1</c>..<c>inputN</c> in enumeration order. An input named <c>msg</c> is also the scripts' message.
    /// </param>
    /// <param name="options">Department or limits, state, log sink, chain depth.</param>
    /// <param name="cancellationToken">Checked between rules; a running expression is bounded by its time limit instead.</param>
    /// <exception cref="ArgumentException">An input uses a name reserved for the script helpers.</exception>
    public Task<WorkflowResult> EvaluateAsync(Workflow workflow, IReadOnlyDictionary<string, JsonNode?> inputs, RuleEvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(inputs);
        return new WorkflowRun(_sandbox, _actions, workflow, inputs, options ?? new RuleEvaluationOptions()).RunAsync(cancellationToken);
    }
}
