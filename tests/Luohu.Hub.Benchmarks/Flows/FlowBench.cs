using System.Text;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Flows.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Benchmarks.Flows;

/// <summary>A bus and the flow runtime in process, with the trigger → script → publish flow the benchmarks measure.</summary>
internal sealed class FlowBench : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    public FlowBench()
    {
        var services = new ServiceCollection();
        services.AddHubBus();
        services.AddHubFlows(o => o.SamplesPath = string.Empty);
        _provider = services.BuildServiceProvider();
    }

    public IMessageBus Bus => _provider.GetRequiredService<IMessageBus>();
    public IFlowService Flows => _provider.GetRequiredService<IFlowService>();

    public static string Flow(string variant) => $$$"""
        { "id": "bench", "name": "Bench", "department": "traffic",
          "nodes": [ { "id": "in", "type": "trigger.topic", "config": { "topic": "sensors/parking/+/occupancy" } },
                     { "id": "calc", "type": "script", "config": { "code": "msg.payload.full = msg.payload.free == 0; msg.payload.variant = '{{{variant}}}'; return msg;" } },
                     { "id": "out", "type": "publish", "config": { "topic": "district/parking/{{payload.lot}}/status" } } ],
          "wires": [ { "from": "in", "to": "calc" }, { "from": "calc", "to": "out" } ] }
        """;

    public async Task DeployAsync(string variant)
    {
        await Flows.SaveAsync(FlowJson.Deserialize(Flow(variant)), "bench", CancellationToken.None);
        await Flows.DeployAsync("bench", "bench", null, CancellationToken.None);
    }

    /// <summary>A reading of car park LH-0042, or with <paramref name="carParks"/> of one of that many car parks in turn (each its own topic).</summary>
    public static HubMessage Reading(long sequence, int carParks = 1)
    {
        var lot = carParks == 1 ? "LH-0042" : $"LH-{sequence % carParks:0000}";
        return HubMessages.Create(
            $"sensors/parking/{lot}/occupancy",
            Encoding.UTF8.GetBytes($$"""{ "lot": "{{lot}}", "free": 12, "total": 120, "seq": {{sequence}} }"""),
            "bench",
            TimeProvider.System);
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
