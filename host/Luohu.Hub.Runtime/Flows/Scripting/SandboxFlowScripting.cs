using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Scripting;

/// <summary>
/// <see cref="IFlowScripting"/> on the rules library: scripts on <see cref="ScriptSandbox"/> with the department's
/// limits (parsed once and cached by the sandbox), workflows on <see cref="RulesEngine"/> with the message as input
/// <c>msg</c> (also <c>input1</c>), validated by <see cref="WorkflowValidator"/>.
/// </summary>
internal sealed class SandboxFlowScripting(ScriptSandbox sandbox, RulesEngine engine, WorkflowValidator validator) : IFlowScripting
{
    private const int MaxCachedWorkflows = 256;
    private readonly ConcurrentDictionary<string, Workflow> _workflows = new(StringComparer.Ordinal);

    public FlowScriptProblem? Check(string code, FlowScriptKind kind) =>
        sandbox.Check(code, ToKind(kind)) is { } problem
            ? new FlowScriptProblem(problem.Hint is null ? problem.Message : $"{problem.Message}. Hint: {problem.Hint}", problem.Line, problem.Column)
            : null;

    public JsonNode? Run(string code, FlowScriptKind kind, JsonObject message, NodeState? state, string department)
    {
        var input = new ScriptInput { Message = message, State = state is null ? null : new NodeScriptState(state) };
        return sandbox.Evaluate(sandbox.Compile(code, ToKind(kind)), input, sandbox.LimitsFor(department)).Value;
    }

    public IReadOnlyList<FlowScriptProblem> ValidateWorkflow(JsonNode workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        try
        {
            return [.. validator.Validate(Parse(workflow)).Select(p => new FlowScriptProblem(p.Message, Path: p.Path))];
        }
        catch (JsonException ex)
        {
            return [new FlowScriptProblem($"The workflow is not in RulesEngine's JSON shape at {ex.Path}: {ex.Message}", Path: ex.Path?.TrimStart('$', '.'))];
        }
    }

    public async ValueTask<WorkflowOutcome> EvaluateWorkflowAsync(JsonNode workflow, JsonObject message, string department, CancellationToken cancellationToken)
    {
        var inputs = new Dictionary<string, JsonNode?>(StringComparer.Ordinal) { ["msg"] = message };
        var result = await engine.EvaluateAsync(Parse(workflow), inputs, new RuleEvaluationOptions { Department = department }, cancellationToken);
        return new WorkflowOutcome(result.IsSuccess, JsonSerializer.SerializeToNode(result, WorkflowJson.WriteOptions));
    }

    private Workflow Parse(JsonNode workflow)
    {
        var json = workflow.ToJsonString();
        if (_workflows.TryGetValue(json, out var parsed))
        {
            return parsed;
        }

        if (_workflows.Count >= MaxCachedWorkflows)
        {
            _workflows.Clear();
        }

        return _workflows[json] = WorkflowJson.Parse(json);
    }

    private static ScriptKind ToKind(FlowScriptKind kind) => kind == FlowScriptKind.Expression ? ScriptKind.Expression : ScriptKind.Function;
}
