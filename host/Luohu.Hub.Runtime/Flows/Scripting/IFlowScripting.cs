using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Scripting;

/// <summary>
/// What flows need from the rules library: parse checks for validators, scripts parsed once when a node is built
/// and run per message, and rule workflows. One seam so node code does not depend on the sandbox's types.
/// </summary>
internal interface IFlowScripting
{
    /// <summary>The syntax problem of <paramref name="code"/>, or null when it parses.</summary>
    FlowScriptProblem? Check(string code, FlowScriptKind kind);

    /// <summary>Parses <paramref name="code"/> once, for a node's runtime; validate it first with <see cref="Check"/>.</summary>
    FlowScript Compile(string code, FlowScriptKind kind);

    /// <summary>Runs a script with <c>msg</c> = <paramref name="message"/> and <c>ctx</c> = <paramref name="state"/>.</summary>
    /// <param name="script">From <see cref="Compile"/>.</param>
    /// <param name="message">The message; never changed unless <paramref name="messageIsOwned"/>.</param>
    /// <param name="messageIsOwned">The node gives the message to the run: a run that completes writes its changes into it and returns it.</param>
    /// <param name="state">The node's state, or null.</param>
    /// <param name="department">Whose limits apply.</param>
    /// <param name="cancellationToken">Stops the run (the message's processing was abandoned).</param>
    /// <returns>The value the script produced; null for <c>null</c>/<c>undefined</c>.</returns>
    /// <exception cref="Exception">The script threw or hit a limit; the message says what and on which line.</exception>
    JsonNode? Run(FlowScript script, JsonObject message, bool messageIsOwned, NodeState? state, string department, CancellationToken cancellationToken);

    /// <summary>Every problem of a rule workflow, with paths relative to the workflow (<c>Rules[0].Expression</c>).</summary>
    /// <param name="workflow">The workflow in RulesEngine's JSON shape.</param>
    /// <param name="sampleInputs">Inputs like those it will meet: lambda expressions are then type-checked against them.</param>
    IReadOnlyList<FlowScriptProblem> ValidateWorkflow(JsonNode workflow, IReadOnlyDictionary<string, JsonNode?>? sampleInputs = null);

    /// <summary>Reads a workflow once, for a node's runtime; validate it first with <see cref="ValidateWorkflow"/>.</summary>
    FlowWorkflow ParseWorkflow(JsonNode workflow);

    /// <summary>Evaluates a workflow with the message as input <c>msg</c> (also <c>input1</c>).</summary>
    ValueTask<WorkflowOutcome> EvaluateWorkflowAsync(FlowWorkflow workflow, JsonObject message, NodeState? state, string department, CancellationToken cancellationToken);
}
