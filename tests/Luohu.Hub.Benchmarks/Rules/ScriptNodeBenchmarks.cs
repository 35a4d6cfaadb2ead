using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Luohu.Hub.Rules.Scripting;
using Luohu.Hub.Runtime.Flows.Messages;

namespace Luohu.Hub.Benchmarks.Rules;

/// <summary>
/// One script-node message: the message built as the flow builds it on arrival (<see cref="PayloadJson"/> and
/// <see cref="FlowMessage.Create"/>), then the script run on it as the script node runs it (the message its own,
/// changed in place), the script setting one field. <see cref="MessageArrives"/> is the building alone, so the script
/// node's own share is the difference.
/// </summary>
[MemoryDiagnoser]
public class ScriptNodeBenchmarks
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{ \"lot\": \"LH-0042\", \"free\": 12, \"total\": 400, \"kind\": \"parking\" }");

    private readonly ScriptSandbox _sandbox = new();
    private CompiledScript _script = null!;

    [GlobalSetup]
    public void Setup() => _script = _sandbox.Compile("msg.payload.full = msg.payload.free == 0; return msg;", ScriptKind.Function);

    [Benchmark(Baseline = true)]
#pragma warning disable CA1822 // BenchmarkDotNet runs instance methods.
    public JsonObject MessageArrives() => Arrive();
#pragma warning restore CA1822

    [Benchmark]
    public JsonNode? ScriptNodeMessage() => _sandbox.Evaluate(_script, new ScriptInput { Message = Arrive(), MessageIsOwned = true }).Value;

    private static JsonObject Arrive() => FlowMessage.Create("m", "sensors/parking/LH-0042/occupancy", PayloadJson.Parse(Payload), null).Body;
}
