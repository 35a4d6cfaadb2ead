using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Scripting;

/// <summary>
/// <see cref="IFlowScripting"/> on the rules library: scripts on <see cref="ScriptSandbox"/> with the department's
/// limits, workflows on <see cref="WorkflowEngine"/> (Microsoft RulesEngine) with the message as input <c>msg</c>
/// (also <c>input1</c>), validated by <see cref="WorkflowValidator"/>.
/// </summary>
internal sealed class SandboxFlowScripting(ScriptSandbox sandbox, WorkflowEngine engine, WorkflowValidator validator) : IFlowScripting
{
    public FlowScriptProblem? Check(string code, FlowScriptKind kind) =>
        sandbox.Check(code, ToKind(kind)) is { } problem
            ? new FlowScriptProblem(problem.Hint is null ? problem.Message : $"{problem.Message}. Hint: {problem.Hint}", problem.Line, problem.Column)
            : null;

    public FlowScript Compile(string code, FlowScriptKind kind) => new(sandbox.Compile(code, ToKind(kind)));

    public JsonNode? Run(FlowScript script, JsonObject message, bool messageIsOwned, NodeState? state, string department, CancellationToken cancellationToken)
    {
        var input = new ScriptInput { Message = message, MessageIsOwned = messageIsOwned, State = state is null ? null : new NodeScriptState(state) };
        return sandbox.Evaluate(script.Compiled, input, sandbox.LimitsFor(department), cancellationToken).Value;
    }

    public IReadOnlyList<FlowScriptProblem> ValidateWorkflow(JsonNode workflow, IReadOnlyDictionary<string, JsonNode?>? sampleInputs = null)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        try
        {
            return [.. validator.Validate(Read(workflow), sampleInputs).Select(p => new FlowScriptProblem(p.Message, p.Line, p.Column, p.Path))];
        }
        catch (JsonException ex)
        {
            return [new FlowScriptProblem($"The workflow is not in RulesEngine's JSON shape at {ex.Path}: {ex.Message}", Path: ex.Path?.TrimStart('$', '.'))];
        }
    }

    public FlowWorkflow ParseWorkflow(JsonNode workflow) => new(Read(workflow));

    public async ValueTask<WorkflowOutcome> EvaluateWorkflowAsync(FlowWorkflow workflow, JsonObject message, NodeState? state, string department, CancellationToken cancellationToken)
    {
        var inputs = new Dictionary<string, JsonNode?>(1, StringComparer.Ordinal) { ["msg"] = message };
        var options = new RuleEvaluationOptions { Department = department, State = state is null ? null : new NodeScriptState(state) };
        var result = await engine.EvaluateAsync(workflow.Workflow, inputs, options, cancellationToken);
        return new WorkflowOutcome(result.IsSuccess, JsonSerializer.SerializeToNode(result, WorkflowJson.WriteOptions));
    }

    private static Workflow Read(JsonNode workflow) =>
        workflow.Deserialize<Workflow>(WorkflowJson.ReadOptions) ?? throw new JsonException("The workflow is JSON null; send an object with WorkflowName and Rules.");

    private static ScriptKind ToKind(FlowScriptKind kind) => kind == FlowScriptKind.Expression ? ScriptKind.Expression : ScriptKind.Function;
}
