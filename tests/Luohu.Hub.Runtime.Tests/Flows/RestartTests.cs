using Luohu.Hub.Runtime.Flows.Persistence;
using Luohu.Hub.Runtime.Storage;

namespace Luohu.Hub.Runtime.Tests.Flows;

public sealed class RestartTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "luohu-flows-" + Guid.NewGuid().ToString("N"));

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
        void Store(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services.AddHubSqliteStore(o => o.DataPath = _dataPath);

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

            await Poll.UntilAsync(() => output.Count == 3, "three messages counted");
        }

        await using var second = new FlowTestHost(Store);
        await second.StartAsync();
        var after = second.Watch("test/restart/out");
        await second.PublishAsync("test/restart/in", "{}");

        await Poll.UntilAsync(() => !after.IsEmpty, "the flow runs after the restart");
        var payload = FlowTestHost.Payload(after.Single());
        Assert.Equal(4, payload["count"]!.GetValue<int>());
        Assert.Equal(2, payload["v"]!.GetValue<int>());
        Assert.Equal(2, second.Engine.Find("restart")!.Current.Version);
        Assert.IsType<StoreFlowRepository>(second.Provider.GetService(typeof(IFlowRepository)));
        Assert.True(File.Exists(Path.Combine(_dataPath, "hub.db")));
    }

    [Fact]
    public async Task DeadLettersLiveInTheStore_AndReplayAfterARestart()
    {
        void Store(Microsoft.Extensions.DependencyInjection.IServiceCollection services) => services.AddHubSqliteStore(o => o.DataPath = _dataPath);
        const string Failing = """{ "id": "n", "type": "script", "config": { "code": "if (!ctx.get('fixed') && msg.payload.bad) { throw new Error('bad reading'); } return msg;" } }""";
        await using (var first = new FlowTestHost(Store))
        {
            await first.StartAsync();
            await first.DeployAsync(TestFlows.Through("sqdl", Failing));
            await first.PublishAsync("test/sqdl/in", """{ "bad": true, "id": 5 }""");
            await Poll.UntilAsync(async () => (await first.DeadLetters.ListAsync("sqdl", null, 0, 10, default)).Count == 1, "the failure is a dead letter");
        }

        await using var second = new FlowTestHost(Store);
        await second.StartAsync();
        var letter = (await second.DeadLetters.ListAsync("sqdl", DeadLetterStates.Pending, 0, 10, default)).Single();
        Assert.Equal("n", letter.NodeId);
        Assert.Equal("script", letter.NodeType);
        Assert.Equal(1, letter.FlowVersion);
        Assert.Contains("bad reading", letter.Reason, StringComparison.Ordinal);
        second.Engine.Find("sqdl")!.Current.Nodes.Single(n => n.Node.Id == "n").State.SetValue("fixed", true);
        var output = second.Watch("test/sqdl/out");

        await second.DeadLetters.ReplayAsync(letter.Id, default);

        await Poll.UntilAsync(() => !output.IsEmpty, "the replayed message goes through");
        Assert.Equal(5, FlowTestHost.Payload(output.Single())["id"]!.GetValue<int>());
        Assert.Equal(DeadLetterStates.Replayed, (await second.DeadLetters.GetAsync(letter.Id, default))!.State);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }
}
