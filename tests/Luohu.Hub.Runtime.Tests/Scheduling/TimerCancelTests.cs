using System.Text.Json.Nodes;
using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Flows.Messages;
using Luohu.Hub.Runtime.Scheduling;
using Luohu.Hub.Runtime.Tests.Flows;

namespace Luohu.Hub.Runtime.Tests.Scheduling;

/// <summary><c>timer.cancel</c> and the timer's <c>keyPath</c>: a key's pending timers go at once, and Pending stays exact.</summary>
public sealed class TimerCancelTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = SchedulingTestHost.Create();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    /// <summary>
    /// in (test/{id}/in) → timer "wave" keyed by payload.dispatch → publish test/{id}/out;
    /// cancel (test/{id}/cancel) → timer.cancel of "wave" → its report (msg.cancelled) on test/{id}/cancelled.
    /// </summary>
    private static string WaveFlow(string id) => TestFlows.Flow(id, $$"""
        { "id": "wave", "type": "timer", "config": { "delayPath": "payload.s", "keyPath": "payload.dispatch" } },
        { "id": "out", "type": "publish", "config": { "topic": "test/{{id}}/out" } },
        { "id": "calls", "type": "trigger.topic", "config": { "topic": "test/{{id}}/cancel" } },
        { "id": "stop", "type": "timer.cancel", "config": { "timer": "wave", "keyPath": "payload.dispatch" } },
        { "id": "report", "type": "script", "config": { "code": "msg.payload = msg.cancelled; return msg;" } },
        { "id": "done", "type": "publish", "config": { "topic": "test/{{id}}/cancelled" } }
        """, """
        { "from": "in", "to": "wave" }, { "from": "wave", "to": "out" },
        { "from": "calls", "to": "stop" }, { "from": "stop", "to": "report" }, { "from": "report", "to": "done" }
        """);

    private int Pending(string flowId, string nodeId)
    {
        var snapshot = _host.Engine.Find(flowId)!.Current;
        Assert.True(snapshot.TryGetNode(nodeId, out var index));
        return snapshot[index].State.Pending;
    }

    [Fact]
    public async Task Cancel_RemovesEveryPendingTimerOfTheKey_AndNoneOfAnotherKey()
    {
        var done = _host.Watch("test/cx/cancelled");
        await _host.DeployAsync(WaveFlow("cx"));
        await _host.PublishAsync("test/cx/in", """{ "dispatch": "D-1", "s": 3600 }""");
        await _host.PublishAsync("test/cx/in", """{ "dispatch": "D-1", "s": 3700 }""");
        await _host.PublishAsync("test/cx/in", """{ "dispatch": "D-2", "s": 3600 }""");
        await Poll.UntilAsync(async () => (await _host.JobNamesAsync("cx")).Count == 3, "three timers are scheduled");
        Assert.Equal(3, Pending("cx", "wave"));

        await _host.PublishAsync("test/cx/cancel", """{ "dispatch": "D-1" }""");
        await Poll.UntilAsync(() => !done.IsEmpty, "the cancel node passed the message on");

        var left = await _host.JobNamesAsync("cx");
        Assert.Equal(["D-2"], left.Select(n => FlowJobKeys.TimerKeyOf(new Quartz.JobKey(n))));
        Assert.Equal(1, Pending("cx", "wave"));
        var report = FlowTestHost.Payload(done.Single());
        Assert.Equal("wave", report["timer"]!.GetValue<string>());
        Assert.Equal("D-1", report["key"]!.GetValue<string>());
        Assert.Equal(2, report["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Cancel_TheRemainingStepsOfAWave_NeverFire_WhileTheFiredOnesStay_AndPendingEndsAtZero()
    {
        var output = _host.Watch("test/cw/out");
        var done = _host.Watch("test/cw/cancelled");
        await _host.DeployAsync(WaveFlow("cw"));
        await _host.PublishAsync("test/cw/in", """{ "dispatch": "D-7", "step": 1, "s": 0.1 }""");
        await _host.PublishAsync("test/cw/in", """{ "dispatch": "D-7", "step": 2, "s": 3600 }""");
        await _host.PublishAsync("test/cw/in", """{ "dispatch": "D-7", "step": 3, "s": 3700 }""");
        await Poll.UntilAsync(() => output.Count == 1, "the first step fired");

        await _host.PublishAsync("test/cw/cancel", """{ "dispatch": "D-7" }""");
        await Poll.UntilAsync(() => !done.IsEmpty, "the cancel ran");

        Assert.Equal(2, FlowTestHost.Payload(done.Single())["count"]!.GetValue<int>());
        await Poll.UntilAsync(async () => (await _host.JobNamesAsync("cw")).Count == 0, "the fired step's job is done and the cancelled ones are gone");
        Assert.Equal(0, Pending("cw", "wave"));
        Assert.Equal(1, FlowTestHost.Payload(output.Single())["step"]!.GetValue<int>());
    }

    [Fact]
    public async Task ATimerScheduledAfterTheCancel_OfTheSameKey_StillFires()
    {
        var output = _host.Watch("test/ca/out");
        var done = _host.Watch("test/ca/cancelled");
        await _host.DeployAsync(WaveFlow("ca"));
        await _host.PublishAsync("test/ca/in", """{ "dispatch": "D-3", "step": "old", "s": 3600 }""");
        await Poll.UntilAsync(async () => (await _host.JobNamesAsync("ca")).Count == 1, "the first timer is scheduled");
        await _host.PublishAsync("test/ca/cancel", """{ "dispatch": "D-3" }""");
        await Poll.UntilAsync(() => !done.IsEmpty, "the cancel ran");

        await _host.PublishAsync("test/ca/in", """{ "dispatch": "D-3", "step": "new", "s": 0.1 }""");
        await Poll.UntilAsync(() => !output.IsEmpty, "the new timer fired");

        Assert.Equal("new", FlowTestHost.Payload(output.Single())["step"]!.GetValue<string>());
        Assert.Equal(0, Pending("ca", "wave"));
    }

    [Fact]
    public async Task AFireAlreadyUnderWay_WhenItsKeyIsCancelled_SendsNothing_AndIsCountedOnce()
    {
        var output = _host.Watch("test/cr/out");
        await _host.DeployAsync(WaveFlow("cr"));
        var snapshot = _host.Engine.Find("cr")!.Current;
        Assert.True(snapshot.TryGetNode("wave", out var index));
        var timer = (TimerRuntime)snapshot[index].Runtime;
        await _host.PublishAsync("test/cr/in", """{ "dispatch": "D-9", "s": 3600 }""");
        await Poll.UntilAsync(async () => (await _host.JobNamesAsync("cr")).Count == 1, "the timer is scheduled");
        var job = (await _host.JobNamesAsync("cr")).Single();

        // The scheduler has handed the job to its fire (sequence 0, before the cancel) when the cancel comes.
        Assert.Equal(1, await timer.CancelAsync("D-9", CancellationToken.None));
        var message = new FlowMessage(null, "test", new JsonObject { ["payload"] = new JsonObject() });
        var sent = await timer.FireAsync(message, job, "D-9", 0, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.False(sent);
        Assert.Empty(output);
        Assert.Equal(0, Pending("cr", "wave"));
    }

    [Fact]
    public async Task AMissingKey_IsAnErrorOfTheTimerNode()
    {
        await _host.DeployAsync(WaveFlow("ck"));

        await _host.PublishAsync("test/ck/in", """{ "s": 10 }""");

        await Poll.UntilAsync(async () => (await _host.DeadLetters.ListAsync("ck", null, 0, 10, CancellationToken.None)).Count == 1, "the message went to the dead letters");
        var letter = (await _host.DeadLetters.ListAsync("ck", null, 0, 10, CancellationToken.None)).Single();
        Assert.Contains("payload.dispatch", letter.Reason, StringComparison.Ordinal);
        Assert.Empty(await _host.JobNamesAsync("ck"));
        Assert.Equal(0, Pending("ck", "wave"));
    }

    [Theory]
    [InlineData("""{ "id": "stop", "type": "timer.cancel", "config": { "timer": "nowhere", "keyPath": "payload.k" } }""", "nodes[stop].config.timer", "no node 'nowhere'")]
    [InlineData("""{ "id": "stop", "type": "timer.cancel", "config": { "timer": "plain", "keyPath": "payload.k" } }""", "nodes[stop].config.timer", "has no keyPath")]
    [InlineData("""{ "id": "stop", "type": "timer.cancel", "config": { "timer": "out", "keyPath": "payload.k" } }""", "nodes[stop].config.timer", "not a timer")]
    [InlineData("""{ "id": "stop", "type": "timer.cancel", "config": { "timer": "plain" } }""", "nodes[stop].config.keyPath", "")]
    public void Validate_ABadCancelNode_NamesTheField(string cancelNode, string path, string says)
    {
        var flow = FlowJson.Deserialize(TestFlows.Flow("cv", """
            { "id": "plain", "type": "timer", "config": { "delayPath": "payload.s" } },
            { "id": "out", "type": "publish", "config": { "topic": "test/cv/out" } },
            """ + cancelNode, """{ "from": "in", "to": "plain" }, { "from": "plain", "to": "out" }, { "from": "in", "to": "stop" }"""));

        var problems = _host.Flows.Validate(flow);

        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(says, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("timer:wave:0190abc", "wave", null)]
    [InlineData("timer:wave:0190abc:D-1", "wave", "D-1")]
    [InlineData("timer:wave:0190abc:%E7%B2%A4%3AB", "wave", "粤:B")]
    [InlineData("schedule:tick", null, null)]
    public void JobNames_CarryTheNodeAndTheKey(string name, string? node, string? key)
    {
        var job = new Quartz.JobKey(name, "flow:f");
        Assert.Equal(node, FlowJobKeys.TimerNodeOf(job));
        Assert.Equal(key, FlowJobKeys.TimerKeyOf(job));
        if (key is not null)
        {
            Assert.Equal(name, FlowJobKeys.Timer("f", "wave", "0190abc", key).Name);
        }
    }
}
