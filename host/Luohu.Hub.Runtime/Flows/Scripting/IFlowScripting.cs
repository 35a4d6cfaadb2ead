using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Scripting;

/// <summary>
/// What flows need from the rules library: parse checks for validators, script runs for script/switch/change/
/// action nodes, and rule workflows. One seam so node code does not depend on the sandbox's types.
/// </summary>
internal interface IFlowScripting
{
    /// <summary>The syntax problem of <paramref name="code"/>, or null when it parses.</summary>
    FlowScriptProblem? Check(string code, FlowScriptKind kind);

    /// <summary>Runs a script with <c>msg</c> = <paramref name="message"/> (a copy) and <c>ctx</c> = <paramref name="state"/>.</summary>
    /// <returns>The value the script produced; null for <c>null</c>/<c>undefined</c>.</returns>
    /// <exception cref="Exception">The script threw or hit a limit; the message says what and on which line.</exception>
    JsonNode? Run(string code, FlowScriptKind kind, JsonObject message, NodeState? state, string department);

    /// <summary>Every problem of a rule workflow, with paths relative to the workflow (<c>Rules[0].Expression</c>).</summary>
    IReadOnlyList<FlowScriptProblem> ValidateWorkflow(JsonNode workflow);

    /// <summary>Evaluates a workflow with the message as input <c>msg</c> (also <c>input1</c>).</summary>
    ValueTask<WorkflowOutcome> EvaluateWorkflowAsync(JsonNode workflow, JsonObject message, string department, CancellationToken cancellationToken);
}
