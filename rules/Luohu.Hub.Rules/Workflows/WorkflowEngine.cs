using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Microsoft.Extensions.Options;

namespace Luohu.Hub.Rules.Workflows;

/// <summary>
/// Evaluates <see cref="Workflow"/>s on Microsoft RulesEngine, JavaScript parts in the <see cref="ScriptSandbox"/>.
/// Thread-safe; one instance per hub. Each workflow instance is translated, checked and registered once and kept
/// with it (parse a workflow once and evaluate it many times). A rule whose expression fails is a failed rule with
/// the reason; what is thrown is cancellation, invalid arguments, and <see cref="WorkflowRefusedException"/>.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly ScriptSandbox _sandbox;
    private readonly RulesOptions _options;
    private readonly ConditionalWeakTable<Workflow, CompiledWorkflow> _compiled = [];

    /// <summary>Creates an engine on <paramref name="sandbox"/>, with <paramref name="options"/>' custom actions.</summary>
    public WorkflowEngine(ScriptSandbox sandbox, IOptions<RulesOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        _sandbox = sandbox;
        _options = options?.Value ?? new RulesOptions();
    }

    /// <summary>Names of the actions rules may use: RulesEngine's own and the custom ones.</summary>
    public IReadOnlyCollection<string> ActionNames => ["OutputExpression", "EvaluateRule", .. _options.CustomActions.Keys];

    /// <summary>Evaluates every rule of <paramref name="workflow"/> against <paramref name="inputs"/>.</summary>
    /// <param name="workflow">The workflow; validate it first with <see cref="WorkflowValidator"/> for better messages.</param>
    /// <param name="inputs">
    /// Named inputs, in order. Lambda expressions see each by its name (when it is an identifier) and as
    /// <c>input1</c>..<c>inputN</c>; JavaScript expressions the same, and an input named <c>msg</c> is also their message.
    /// </param>
    /// <param name="options">Department or limits, state, log sink.</param>
    /// <param name="cancellationToken">Stops between rules and inside JavaScript expressions.</param>
    /// <exception cref="WorkflowRefusedException">The workflow cannot run (a lambda reaches reflection, a chain loops, ...); nothing ran.</exception>
    public Task<WorkflowResult> EvaluateAsync(Workflow workflow, IReadOnlyDictionary<string, JsonNode?> inputs, RuleEvaluationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentNullException.ThrowIfNull(inputs);
        if (!_compiled.TryGetValue(workflow, out var compiled))
        {
            compiled = new CompiledWorkflow(workflow, _sandbox, _options);
            _compiled.AddOrUpdate(workflow, compiled);
        }

        return compiled.EvaluateAsync(inputs, options ?? RuleEvaluationOptions.Default, cancellationToken);
    }
}
