using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows;

namespace Luohu.Hub.Benchmarks.Rules;

/// <summary>
/// A one-line rule and a five-rule workflow, in each dialect, through the workflow engine (RulesEngine, JavaScript in
/// the sandbox), and a one-line JavaScript expression on the sandbox alone. Single-threaded: one core per operation.
/// </summary>
[MemoryDiagnoser]
public class RulesBenchmarks
{
    internal const string Message = """{ "topic": "sensors/parking/LH-0042/occupancy", "payload": { "lot": "LH-0042", "free": 12, "total": 400, "kind": "parking" }, "headers": {} }""";

    private readonly ScriptSandbox _sandbox = new();
    private readonly ScriptInput _expressionInput = new() { Message = JsonNode.Parse(Message) };
    private readonly Dictionary<string, JsonNode?> _message = new() { ["msg"] = JsonNode.Parse(Message) };
    private readonly Dictionary<string, JsonNode?> _lotAndLimits = new()
    {
        ["lot"] = JsonNode.Parse("""{ "id": "LH-0042", "free": 12, "total": 400, "kind": "parking" }"""),
        ["limits"] = JsonNode.Parse("""{ "minFree": 20, "minRatio": 0.1 }"""),
    };

    private WorkflowEngine _engine = null!;
    private CompiledScript _expression = null!;
    private Workflow _oneLineJavaScript = null!;
    private Workflow _oneLineLambda = null!;
    private Workflow _fiveJavaScript = null!;
    private Workflow _fiveLambda = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new WorkflowEngine(_sandbox);
        _expression = _sandbox.Compile("msg.payload.free < 10 && msg.payload.kind == 'parking'", ScriptKind.Expression);
        _oneLineJavaScript = WorkflowJson.Parse("""{ "WorkflowName": "One", "RuleExpressionType": "JavaScript", "Rules": [ { "RuleName": "Low", "Expression": "msg.payload.free < 10" } ] }""");
        _oneLineLambda = WorkflowJson.Parse("""{ "WorkflowName": "One", "Rules": [ { "RuleName": "Low", "Expression": "msg.payload.free < 10" } ] }""");
        _fiveJavaScript = WorkflowJson.Parse("""
            { "WorkflowName": "Five", "RuleExpressionType": "JavaScript", "Rules": [
              { "RuleName": "IsParking", "Expression": "lot.kind === 'parking'" },
              { "RuleName": "FewSpaces", "Expression": "lot.free < limits.minFree" },
              { "RuleName": "LowRatio", "Expression": "lot.free / lot.total < limits.minRatio" },
              { "RuleName": "HasId", "Expression": "typeof lot.id === 'string' && lot.id.length > 0" },
              { "RuleName": "NotFull", "Expression": "lot.free > 0" } ] }
            """);
        _fiveLambda = WorkflowJson.Parse("""
            { "WorkflowName": "Five", "Rules": [
              { "RuleName": "IsParking", "Expression": "lot.kind == \"parking\"" },
              { "RuleName": "FewSpaces", "Expression": "lot.free < limits.minFree" },
              { "RuleName": "LowRatio", "Expression": "Convert.ToDouble(lot.free) / lot.total < limits.minRatio" },
              { "RuleName": "HasId", "Expression": "lot.id != null && lot.id.Length > 0" },
              { "RuleName": "NotFull", "Expression": "lot.free > 0" } ] }
            """);
    }

    [Benchmark]
    public JsonNode? OneLineExpression_Sandbox() => _sandbox.Evaluate(_expression, _expressionInput).Value;

    [Benchmark]
    public Task<WorkflowResult> OneLineRule_JavaScript() => _engine.EvaluateAsync(_oneLineJavaScript, _message);

    [Benchmark]
    public Task<WorkflowResult> OneLineRule_Lambda() => _engine.EvaluateAsync(_oneLineLambda, _message);

    [Benchmark]
    public Task<WorkflowResult> FiveRuleWorkflow_JavaScript() => _engine.EvaluateAsync(_fiveJavaScript, _lotAndLimits);

    [Benchmark]
    public Task<WorkflowResult> FiveRuleWorkflow_Lambda() => _engine.EvaluateAsync(_fiveLambda, _lotAndLimits);
}
