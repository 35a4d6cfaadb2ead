using System.Collections.Concurrent;
using Luohu.Hub.Runtime.Flows;

namespace Luohu.Hub.Runtime.Tests.Flows;

public sealed class DeployTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static string LiveFlow(string variant) => TestFlows.Flow("live", $$"""
        { "id": "n", "type": "script", "config": { "code": "ctx.set('seen', (ctx.get('seen') || 0) + 1); msg.payload.variant = '{{variant}}'; return msg;" } },
        { "id": "out", "type": "publish", "config": { "topic": "test/live/out" } },
        { "id": "win", "type": "window", "config": { "mode": "count", "size": 2000, "aggregate": "count" } },
        { "id": "total", "type": "publish", "config": { "topic": "test/live/total" } }
        """, """
        { "from": "in", "to": "n" }, { "from": "n", "to": "out" }, { "from": "in", "to": "win" }, { "from": "win", "to": "total" }
        """);

    [Fact]
    public async Task HundredDeploysWhileMessagesStream_LoseAndDoubleNothing_AndCarryStateOver()
    {
        const int Messages = 2000;
        await _host.DeployAsync(LiveFlow("v0"));
        var output = _host.Watch("test/live/out");
        var totals = _host.Watch("test/live/total");
        var subscriptionsBefore = _host.Bus.ListSubscriptions().Count(s => s.Name == "flow:live/in");

        var publisher = Task.Run(async () =>
        {
            for (var i = 1; i <= Messages; i++)
            {
                await _host.PublishAsync("test/live/in", $$"""{ "seq": {{i}} }""");
            }
        });
        for (var deploy = 1; deploy <= 100; deploy++)
        {
            await _host.DeployAsync(LiveFlow($"v{deploy}"));
        }

        await publisher;
        await Poll.UntilAsync(() => output.Count >= Messages, "every message went through");
        await Poll.UntilAsync(() => !totals.IsEmpty, "the window, carried over 100 deploys, filled up");

        var sequences = output.Select(m => FlowTestHost.Payload(m)["seq"]!.GetValue<int>()).ToList();
        Assert.Equal(Messages, sequences.Count);
        Assert.Equal(Enumerable.Range(1, Messages), sequences.Order());
        Assert.Equal(Enumerable.Range(1, Messages), sequences);
        Assert.Equal(Messages, FlowTestHost.Payload(totals.Single())["count"]!.GetValue<int>());
        var running = _host.Engine.Find("live")!.Current;
        Assert.Equal(101, running.Version);
        Assert.Equal(Messages, running.Nodes.Single(n => n.Node.Id == "n").State.GetValue("seen")!.GetValue<int>());
        Assert.Equal(1, subscriptionsBefore);
        Assert.Single(_host.Bus.ListSubscriptions(), s => s.Name == "flow:live/in");
    }

    [Fact]
    public async Task Rollback_RunsTheEarlierVersionAgain_AndIsRecorded()
    {
        await _host.DeployAsync(TestFlows.Flow("rb", """{ "id": "out", "type": "publish", "config": { "topic": "out/rb/one" } }""", """{ "from": "in", "to": "out" }"""));
        await _host.DeployAsync(TestFlows.Flow("rb", """{ "id": "out", "type": "publish", "config": { "topic": "out/rb/two" } }""", """{ "from": "in", "to": "out" }"""));
        var output = _host.Watch("out/rb/+");

        var deployment = await _host.Flows.RollbackAsync("rb", 1, "ops", default);
        await _host.PublishAsync("test/rb/in", "{}");

        await Poll.UntilAsync(() => !output.IsEmpty, "the rolled-back version publishes");
        Assert.Equal("out/rb/one", output.Single().Topic);
        Assert.Equal(1, deployment.Version);
        var versions = await _host.Flows.ListVersionsAsync("rb", default);
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.True(versions.Single(v => v.Version == 1).IsDeployed);
        var summary = await _host.Flows.GetSummaryAsync("rb", default);
        Assert.Equal(1, summary!.DeployedVersion);
        Assert.True(summary.HasUndeployedChanges);
    }

    [Fact]
    public async Task Rollback_ToAMissingVersion_IsNotFound()
    {
        await _host.DeployAsync(TestFlows.Flow("rb2", """{ "id": "out", "type": "publish", "config": { "topic": "a/b" } }""", """{ "from": "in", "to": "out" }"""));
        var error = await Assert.ThrowsAsync<FlowException>(() => _host.Flows.RollbackAsync("rb2", 7, "ops", default));
        Assert.Equal(FlowErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task Diff_ListsAddedRemovedChangedNodesAndWires()
    {
        await _host.DeployAsync(TestFlows.Flow("df", """
            { "id": "out", "type": "publish", "config": { "topic": "a/one" } },
            { "id": "old", "type": "debug" }
            """, """{ "from": "in", "to": "out" }, { "from": "in", "to": "old" }"""));
        await _host.DeployAsync(TestFlows.Flow("df", """
            { "id": "out", "type": "publish", "config": { "topic": "a/two" } },
            { "id": "new", "type": "debug" }
            """, """{ "from": "in", "to": "out" }, { "from": "in", "to": "new" }"""));

        var diff = await _host.Flows.DiffAsync("df", 1, 2, default);

        Assert.Equal(["new"], diff.AddedNodes);
        Assert.Equal(["old"], diff.RemovedNodes);
        var changed = Assert.Single(diff.ChangedNodes);
        Assert.Equal("out", changed.NodeId);
        Assert.Equal(["config.topic"], changed.Changes);
        Assert.Equal("new", Assert.Single(diff.AddedWires).To);
        Assert.Equal("old", Assert.Single(diff.RemovedWires).To);
    }

    [Fact]
    public async Task DeployingOneFlow_LeavesAnotherFlowsSubscriptionAndSnapshotAlone()
    {
        await _host.DeployAsync(TestFlows.Flow("fa", """{ "id": "out", "type": "publish", "config": { "topic": "a/one" } }""", """{ "from": "in", "to": "out" }"""));
        await _host.DeployAsync(TestFlows.Flow("fb", """{ "id": "out", "type": "publish", "config": { "topic": "b/one" } }""", """{ "from": "in", "to": "out" }"""));
        var before = _host.Engine.Find("fb")!.Current;

        await _host.DeployAsync(TestFlows.Flow("fa", """{ "id": "out", "type": "publish", "config": { "topic": "a/two" } }""", """{ "from": "in", "to": "out" }"""));

        Assert.Same(before, _host.Engine.Find("fb")!.Current);
        Assert.Single(_host.Bus.ListSubscriptions(), s => s.Name == "flow:fb/in");
    }

    [Fact]
    public async Task ChangedTriggerTopic_MovesTheSubscription()
    {
        await _host.DeployAsync(TestFlows.Flow("tt", """{ "id": "out", "type": "publish", "config": { "topic": "test/tt/out" } }""", """{ "from": "in", "to": "out" }"""));
        var changed = TestFlows.Flow("tt", """{ "id": "out", "type": "publish", "config": { "topic": "test/tt/out" } }""", """{ "from": "in", "to": "out" }""")
            .Replace("test/tt/in", "test/tt/other", StringComparison.Ordinal);
        await _host.DeployAsync(changed);
        var output = _host.Watch("test/tt/out");

        await _host.PublishAsync("test/tt/in", """{ "n": 1 }""");
        await _host.PublishAsync("test/tt/other", """{ "n": 2 }""");

        await Poll.UntilAsync(() => !output.IsEmpty, "the new topic is handled");
        Assert.Equal(2, FlowTestHost.Payload(Assert.Single(output))["n"]!.GetValue<int>());
        Assert.Single(_host.Bus.ListSubscriptions(), s => s.Name == "flow:tt/in");
    }

    [Fact]
    public async Task Deploy_InvalidDraft_IsRefusedWithEveryProblem_AndTheRunningVersionStays()
    {
        await _host.DeployAsync(TestFlows.Through("inv", """{ "id": "n", "type": "script", "config": { "code": "return msg;" } }"""));
        var broken = FlowJson.Deserialize(TestFlows.Through("inv", """{ "id": "n", "type": "script", "config": { "code": "return msg +;" } }"""));
        await _host.Flows.SaveAsync(broken, "tester", default);

        var error = await Assert.ThrowsAsync<FlowException>(() => _host.Flows.DeployAsync("inv", "tester", null, default));

        Assert.Equal(FlowErrorKind.Invalid, error.Kind);
        Assert.Contains(error.Problems, p => p.Path == "nodes[n].config.code");
        Assert.Equal(1, _host.Engine.Find("inv")!.Current.Version);
    }

    [Fact]
    public async Task Delete_UndeploysAndRemovesTheFlow()
    {
        await _host.DeployAsync(TestFlows.Flow("del", """{ "id": "out", "type": "publish", "config": { "topic": "test/del/out" } }""", """{ "from": "in", "to": "out" }"""));

        await _host.Flows.DeleteAsync("del", "tester", default);

        Assert.Null(await _host.Flows.GetAsync("del", default));
        Assert.Null(_host.Engine.Find("del"));
        Assert.DoesNotContain(_host.Bus.ListSubscriptions(), s => s.Name == "flow:del/in");
    }

    [Fact]
    public async Task Inject_SendsATestMessageIntoANode()
    {
        await _host.DeployAsync(TestFlows.Through("inj", """{ "id": "n", "type": "script", "config": { "code": "msg.payload.seen = true; return msg;" } }"""));
        var output = _host.Watch("test/inj/out");

        var id = await _host.Flows.InjectAsync("inj", "n", null, System.Text.Json.Nodes.JsonNode.Parse("""{ "x": 1 }"""), default);

        Assert.False(string.IsNullOrEmpty(id));
        await Poll.UntilAsync(() => !output.IsEmpty, "the injected message is published");
        Assert.True(FlowTestHost.Payload(output.Single())["seen"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SaveAsync_AnotherDepartmentsFlowId_IsAConflict()
    {
        await _host.Flows.SaveAsync(FlowJson.Deserialize(TestFlows.Flow("own", """{ "id": "d", "type": "debug" }""", """{ "from": "in", "to": "d" }""")), "t", default);
        var other = FlowJson.Deserialize(TestFlows.Flow("own", """{ "id": "d", "type": "debug" }""", """{ "from": "in", "to": "d" }""").Replace("\"traffic\"", "\"police\"", StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<FlowException>(() => _host.Flows.SaveAsync(other, "t", default));

        Assert.Equal(FlowErrorKind.Conflict, error.Kind);
    }

    [Fact]
    public async Task ListAsync_ShowsStateAndCounters()
    {
        await _host.DeployAsync(TestFlows.Flow("ls", """{ "id": "d", "type": "debug" }""", """{ "from": "in", "to": "d" }"""));
        await _host.Flows.SaveAsync(FlowJson.Deserialize(TestFlows.Flow("ls2", """{ "id": "d", "type": "debug" }""", """{ "from": "in", "to": "d" }""")), "t", default);
        await _host.PublishAsync("test/ls/in", "{}");
        await Poll.UntilAsync(() => _host.Engine.Find("ls")!.Counters.MessagesPerMinute() == 1, "the message is counted");

        var list = await _host.Flows.ListAsync("traffic", default);

        Assert.Equal("deployed", list.Single(f => f.Id == "ls").State);
        Assert.False(list.Single(f => f.Id == "ls").HasUndeployedChanges);
        Assert.Equal(1, list.Single(f => f.Id == "ls").MessagesPerMinute);
        Assert.Equal("draft", list.Single(f => f.Id == "ls2").State);
    }
}
