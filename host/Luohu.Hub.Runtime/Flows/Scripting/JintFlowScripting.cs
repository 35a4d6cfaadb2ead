using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Parser;
using Jint.Runtime;
using Luohu.Hub.Runtime.Flows.Engine;

namespace Luohu.Hub.Runtime.Flows.Scripting;

/// <summary>
/// Stand-in for the rules library's sandbox until it lands on main: runs scripts on Jint 2 with fixed limits
/// (100,000 statements, 250 ms, recursion 64) and no CLR access, a fresh engine per run. Rule workflows need the
/// rules library and are refused here. Replaced by the adapter over <c>ScriptSandbox</c>/<c>RulesEngine</c>.
/// </summary>
internal sealed class JintFlowScripting : IFlowScripting
{
    private const string Prelude =
        "var ctx = { get: function (k) { return JSON.parse(__ctxGet(String(k))); }, set: function (k, v) { __ctxSet(String(k), v === undefined ? 'null' : JSON.stringify(v)); } };";

    private readonly ConcurrentDictionary<(string, FlowScriptKind), FlowScriptProblem?> _checked = new();
    private readonly ConcurrentDictionary<(string, FlowScriptKind), Jint.Parser.Ast.Program> _programs = new();
    private readonly Jint.Parser.Ast.Program _prelude = new JavaScriptParser().Parse(Prelude + "var msg = JSON.parse(__msg);");

    public FlowScriptProblem? Check(string code, FlowScriptKind kind)
    {
        ArgumentNullException.ThrowIfNull(code);
        return _checked.GetOrAdd((code, kind), key =>
        {
            if (string.IsNullOrWhiteSpace(key.Item1))
            {
                return new FlowScriptProblem("the script is empty", 1, 1);
            }

            try
            {
                new JavaScriptParser().Parse(Wrap(key.Item1, key.Item2));
                return null;
            }
            catch (ParserException ex)
            {
                return new FlowScriptProblem(
                    $"{ex.Description ?? ex.Message} (the engine runs ES5.1: no arrow functions, template literals, classes, let/const semantics or destructuring)",
                    ex.LineNumber,
                    ex.Column);
            }
        });
    }

    public JsonNode? Run(string code, FlowScriptKind kind, JsonObject message, NodeState? state, string department)
    {
        ArgumentNullException.ThrowIfNull(message);
        var engine = new Jint.Engine(options => options
            .MaxStatements(100_000)
            .TimeoutInterval(TimeSpan.FromMilliseconds(250))
            .LimitRecursion(64)
            .Culture(CultureInfo.InvariantCulture));
        engine.SetValue("__msg", message.ToJsonString());
        engine.SetValue("__ctxGet", new Func<string, string>(key => state?.GetValue(key)?.ToJsonString() ?? "null"));
        engine.SetValue("__ctxSet", new Action<string, string>((key, json) =>
        {
            if (state is null)
            {
                throw new InvalidOperationException("ctx is not available here.");
            }

            state.SetValue(key, JsonNode.Parse(json));
        }));
        try
        {
            engine.Execute(_prelude);
            if (_programs.Count > 1024)
            {
                _programs.Clear();
            }

            var program = _programs.GetOrAdd((code, kind), key => new JavaScriptParser().Parse("JSON.stringify(" + Wrap(key.Item1, key.Item2) + ")"));
            var value = engine.Execute(program).GetCompletionValue();
            return value.IsString() ? JsonNode.Parse(value.AsString()) : null;
        }
        catch (JavaScriptException ex)
        {
            throw new InvalidOperationException($"The script threw at line {ex.LineNumber}: {ex.Error}", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new InvalidOperationException("The script ran more than 100,000 statements (an endless loop?).", ex);
        }
        catch (TimeoutException ex)
        {
            throw new InvalidOperationException("The script ran longer than 250 ms.", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new InvalidOperationException("The script recursed deeper than 64 calls.", ex);
        }
    }

    public IReadOnlyList<FlowScriptProblem> ValidateWorkflow(JsonNode workflow) =>
        [new FlowScriptProblem("Rule workflows need the rules library, which this build does not have yet.")];

    public ValueTask<WorkflowOutcome> EvaluateWorkflowAsync(JsonNode workflow, JsonObject message, string department, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Rule workflows need the rules library, which this build does not have yet.");

    private static string Wrap(string code, FlowScriptKind kind) =>
        kind == FlowScriptKind.Expression ? "(" + code + "\n)" : "(function () {" + code + "\n})()";
}
