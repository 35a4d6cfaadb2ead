using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Rules.Workflows;

namespace Luohu.Hub.Benchmarks.Rules;

/// <summary>
/// Evaluations of a one-line rule and of a five-rule workflow, with parsed scripts cached and with the cache
/// cleared before each operation (every script parsed again). Run single-threaded: one core per operation.
/// </summary>
[MemoryDiagnoser]
public class RulesBenchmarks
{
    private const string OneLine = "msg.free < 10 && msg.kind == \"parking\"";

    private readonly ScriptSandbox _sandbox = new();
    private readonly ScriptInput _input = new() { Message = JsonNode.Parse("{\"free\":5,\"kind\":\"parking\",\"total\":400}") };
    private readonly Dictionary<string, JsonNode?> _inputs = new()
    {
        ["lot"] = JsonNode.Parse("{\"id\":\"LH-0042\",\"free\":12,\"total\":400,\"kind\":\"parking\"}"),
        ["limits"] = JsonNode.Parse("{\"minFree\":20,\"minRatio\":0.1}"),
    };

    private RulesEngine _engine = null!;
    private Workflow _workflow = null!;
    private CompiledScript _compiled = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = new RulesEngine(_sandbox);
        _compiled = _sandbox.Compile(OneLine, ScriptKind.Expression);
        _workflow = new Workflow
        {
            WorkflowName = "Bench",
            Rules =
            [
                new Rule { RuleName = "IsParking", Expression = "lot.kind === 'parking'" },
                new Rule { RuleName = "FewSpaces", Expression = "lot.free < limits.minFree" },
                new Rule { RuleName = "LowRatio", Expression = "lot.free / lot.total < limits.minRatio" },
                new Rule { RuleName = "HasId", Expression = "typeof lot.id === 'string' && lot.id.length > 0" },
                new Rule { RuleName = "NotFull", Expression = "lot.free > 0" },
            ],
        };
    }

    [Benchmark(Baseline = true)]
    public JsonNode? OneLineRule_Cached() => _sandbox.Evaluate(_compiled, _input).Value;

    [Benchmark]
    public JsonNode? OneLineRule_Uncached()
    {
        _sandbox.ClearCache();
        return _sandbox.Evaluate(OneLine, ScriptKind.Expression, _input).Value;
    }

    [Benchmark]
    public Task<WorkflowResult> FiveRuleWorkflow_Cached() => _engine.EvaluateAsync(_workflow, _inputs, null, CancellationToken.None);

    [Benchmark]
    public Task<WorkflowResult> FiveRuleWorkflow_Uncached()
    {
        _sandbox.ClearCache();
        return _engine.EvaluateAsync(_workflow, _inputs, null, CancellationToken.None);
    }
}
