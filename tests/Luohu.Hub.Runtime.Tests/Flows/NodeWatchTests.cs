using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Flows.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Flows;

/// <summary>Watching a node from the debug panel: a leased copy of what it emits on its flow's debug topic.</summary>
public sealed class NodeWatchTests : IAsyncDisposable
{
    private readonly ManualTime _time = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly FlowTestHost _host;

    public NodeWatchTests() => _host = new FlowTestHost(time: _time);

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private NodeWatches Watches => _host.Provider.GetRequiredService<NodeWatches>();

    private static string CalcFlow(string id) => TestFlows.Through(id, """
        { "id": "n", "type": "script", "config": { "code": "msg.payload.doubled = msg.payload.x * 2; return msg;" } }
        """);

    [Fact]
    public async Task AWatchedNode_CopiesWhatItEmits_ToTheFlowsDebugTopic()
    {
        await _host.DeployAsync(CalcFlow("w1"));
        var debug = _host.Watch("$hub/debug/w1/#");
        var output = _host.Watch("test/w1/out");

        await _host.Flows.WatchAsync("w1", "n", CancellationToken.None);
        await _host.PublishAsync("test/w1/in", """{ "x": 21 }""");

        await Poll.UntilAsync(() => !debug.IsEmpty && !output.IsEmpty, "the watched node's output is copied");
        var copy = Assert.Single(debug);
        Assert.Equal("$hub/debug/w1/n", copy.Topic);
        var body = FlowTestHost.Payload(copy);
        Assert.Equal("n", body["nodeId"]!.GetValue<string>());
        Assert.Equal("out", body["port"]!.GetValue<string>());
        Assert.Equal(42, body["value"]!["payload"]!["doubled"]!.GetValue<int>());
    }

    [Fact]
    public async Task WithoutAWatch_NothingIsCopied()
    {
        await _host.DeployAsync(CalcFlow("w2"));
        var debug = _host.Watch("$hub/debug/w2/#");
        var output = _host.Watch("test/w2/out");

        await _host.PublishAsync("test/w2/in", """{ "x": 1 }""");

        await Poll.UntilAsync(() => !output.IsEmpty, "the flow runs");
        Assert.Empty(debug);
        Assert.False(Watches.Any);
    }

    [Fact]
    public async Task AnExpiredLease_StopsTheCopies_AndARenewalKeepsThem()
    {
        await _host.DeployAsync(CalcFlow("w3"));
        var debug = _host.Watch("$hub/debug/w3/#");
        var output = _host.Watch("test/w3/out");
        await _host.Flows.WatchAsync("w3", "n", CancellationToken.None);

        _time.Advance(NodeWatches.Lease - TimeSpan.FromSeconds(10));
        var renewed = await _host.Flows.WatchAsync("w3", "n", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));
        await _host.PublishAsync("test/w3/in", """{ "x": 1 }""");
        await Poll.UntilAsync(() => output.Count == 1 && debug.Count == 1, "the renewed watch still copies");

        _time.Advance(renewed - _time.GetUtcNow());
        await _host.PublishAsync("test/w3/in", """{ "x": 2 }""");
        await Poll.UntilAsync(() => output.Count == 2, "the flow runs");

        Assert.Single(debug);
        Assert.False(Watches.Any);
    }

    [Fact]
    public async Task AWatchSurvivesADeploy_BecauseItFollowsTheNodeId()
    {
        await _host.DeployAsync(CalcFlow("w4"));
        var debug = _host.Watch("$hub/debug/w4/#");
        await _host.Flows.WatchAsync("w4", "n", CancellationToken.None);

        await _host.DeployAsync(CalcFlow("w4").Replace("* 2", "* 3", StringComparison.Ordinal));
        await _host.PublishAsync("test/w4/in", """{ "x": 5 }""");

        await Poll.UntilAsync(() => !debug.IsEmpty, "the watch copies from the new version");
        Assert.Equal(15, FlowTestHost.Payload(debug.Single())["value"]!["payload"]!["doubled"]!.GetValue<int>());
        Assert.Equal(2, FlowTestHost.Payload(debug.Single())["version"]!.GetValue<int>());
    }

    [Fact]
    public void AFlowKeepsAtMostEightWatches_TheOneClosestToExpiryGoes()
    {
        for (var i = 0; i < NodeWatches.MaxPerFlow + 1; i++)
        {
            Watches.Watch("many", $"node-{i}");
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var watched = Watches.Of("many");
        Assert.Equal(NodeWatches.MaxPerFlow, watched.Count);
        Assert.DoesNotContain("node-0", watched.Keys);
        Assert.Contains($"node-{NodeWatches.MaxPerFlow}", watched.Keys);
    }

    [Fact]
    public async Task WatchingAnUnknownNode_IsNotFound_AndAnUndeployedFlow_IsAConflict()
    {
        await _host.DeployAsync(CalcFlow("w5"));
        var draft = FlowJson.Deserialize(CalcFlow("w6"));
        await _host.Flows.SaveAsync(draft, "tester", CancellationToken.None);

        var unknown = await Assert.ThrowsAsync<FlowException>(() => _host.Flows.WatchAsync("w5", "nope", CancellationToken.None));
        var undeployed = await Assert.ThrowsAsync<FlowException>(() => _host.Flows.WatchAsync("w6", "n", CancellationToken.None));

        Assert.Equal(FlowErrorKind.NotFound, unknown.Kind);
        Assert.Equal(FlowErrorKind.Conflict, undeployed.Kind);
        Assert.False(Watches.Any);
    }
}
