using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Luohu.Hub.Rules.Scripting;

namespace Luohu.Hub.Benchmarks.Rules;

/// <summary>
/// One script-node message: the sandbox given the message as the script node gives it (its own, changed in place),
/// the script setting one field. The messages are parsed before each iteration, outside the measurement, as the flow
/// parses each once on arrival.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class ScriptNodeBenchmarks
{
    private const int Messages = 2_000;

    private readonly ScriptSandbox _sandbox = new();
    private readonly JsonObject[] _bodies = new JsonObject[Messages];
    private CompiledScript _script = null!;

    [GlobalSetup]
    public void Setup() => _script = _sandbox.Compile("msg.payload.full = msg.payload.free == 0; return msg;", ScriptKind.Function);

    [IterationSetup]
    public void ParseMessages()
    {
        for (var i = 0; i < Messages; i++)
        {
            _bodies[i] = JsonNode.Parse(RulesBenchmarks.Message)!.AsObject();
        }
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public JsonNode? ScriptNodeMessage()
    {
        JsonNode? last = null;
        foreach (var body in _bodies)
        {
            last = _sandbox.Evaluate(_script, new ScriptInput { Message = body, MessageIsOwned = true }).Value;
        }

        return last;
    }
}
