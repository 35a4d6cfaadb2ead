using Luohu.Hub.Runtime.Flows.Persistence;
using Luohu.Hub.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Flows;

public sealed class RestartTests
{
    private const string Counter = """
        { "id": "restart", "name": "Restart", "department": "traffic",
          "nodes": [ { "id": "in", "type": "trigger.topic", "config": { "topic": "test/restart/in" } },
                     { "id": "n", "type": "script", "config": { "code": "var c = (ctx.get('count') || 0) + 1; ctx.set('count', c); msg.payload = { count: c }; return msg;" } },
                     { "id": "out", "type": "publish", "config": { "topic": "test/restart/out" } } ],
          "wires": [ { "from": "in", "to": "n" }, { "from": "n", "to": "out" } ] }
        """;

    [Fact]
    public async Task AfterARestart_DeployedFlowsRunAgainAtTheirVersion_WithTheirNodeState()
    {
        var flows = new InMemoryFlowRepository(TimeProvider.System);
        var states = new InMemoryNodeStateRepository();
        void Store(IServiceCollection services)
        {
            services.AddSingleton<IFlowRepository>(flows);
            services.AddSingleton<INodeStateRepository>(states);
        }

        await using (var first = new FlowTestHost(Store))
        {
            await first.StartAsync();
            await first.DeployAsync(Counter);
            await first.DeployAsync(Counter.Replace("msg.payload = { count: c }", "msg.payload = { count: c, v: 2 }", StringComparison.Ordinal));
            var output = first.Watch("test/restart/out");
            for (var i = 0; i < 3; i++)
            {
                await first.PublishAsync("test/restart/in", "{}");
            }

            await Eventually.TrueAsync(() => output.Count == 3, "three messages counted");
        }

        await using var second = new FlowTestHost(Store);
        await second.StartAsync();
        var after = second.Watch("test/restart/out");
        await second.PublishAsync("test/restart/in", "{}");

        await Eventually.TrueAsync(() => !after.IsEmpty, "the flow runs after the restart");
        var payload = FlowTestHost.Payload(after.Single());
        Assert.Equal(4, payload["count"]!.GetValue<int>());
        Assert.Equal(2, payload["v"]!.GetValue<int>());
        Assert.Equal(2, second.Engine.Find("restart")!.Current.Version);
    }
}
