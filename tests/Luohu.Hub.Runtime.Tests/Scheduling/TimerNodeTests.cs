using Luohu.Hub.Runtime.Tests.Flows;

namespace Luohu.Hub.Runtime.Tests.Scheduling;

public sealed class TimerNodeTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = SchedulingTestHost.Create();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task GreenWave_EachMessageFiresAtItsOwnMoment_InOrderOfComputedTime()
    {
        var output = _host.Watch("test/wave/out");
        await _host.DeployAsync(TestFlows.Through("wave", """{ "id": "n", "type": "timer", "config": { "delayPath": "payload.delaySeconds" } }"""));

        // A second between moments: the delays count from each message's own arrival, and under load the
        // arrivals themselves can be a few hundred milliseconds apart.
        await _host.PublishAsync("test/wave/in", """{ "intersection": "C", "delaySeconds": 2.2 }""");
        await _host.PublishAsync("test/wave/in", """{ "intersection": "A", "delaySeconds": 0.2 }""");
        await _host.PublishAsync("test/wave/in", """{ "intersection": "B", "delaySeconds": 1.2 }""");
        await Poll.UntilAsync(() => output.Count == 3, "every intersection's timer fired");

        Assert.Equal(["A", "B", "C"], output.Select(m => FlowTestHost.Payload(m)["intersection"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AtExpression_FiresAtTheComputedTime_WithTimerTimes()
    {
        var output = _host.Watch("test/at/out");
        await _host.DeployAsync(TestFlows.Flow("at", """
            { "id": "n", "type": "timer", "config": { "atExpression": "msg.payload.base + msg.payload.offsetMs" } },
            { "id": "mark", "type": "script", "config": { "code": "msg.payload.firedAt = msg.timer.firedAt; return msg;" } },
            { "id": "out", "type": "publish", "config": { "topic": "test/at/out" } }
            """, """{ "from": "in", "to": "n" }, { "from": "n", "to": "mark" }, { "from": "mark", "to": "out" }"""));

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await _host.PublishAsync("test/at/in", $$"""{ "base": {{now}}, "offsetMs": 300 }""");
        await Poll.UntilAsync(() => !output.IsEmpty, "the timer fired");

        Assert.True(DateTimeOffset.TryParse(FlowTestHost.Payload(output.Single())["firedAt"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task PendingTimers_AreJobs_AndGoWithTheFlow()
    {
        await _host.DeployAsync(TestFlows.Through("pending", """{ "id": "n", "type": "timer", "config": { "delayPath": "payload.s" } }"""));
        await _host.PublishAsync("test/pending/in", """{ "s": 3600 }""");
        await _host.PublishAsync("test/pending/in", """{ "s": 7200 }""");
        await Poll.UntilAsync(async () => (await _host.JobNamesAsync("pending")).Count == 2, "both timers are scheduled");

        await _host.Flows.DeleteAsync("pending", "tester", CancellationToken.None);

        Assert.Empty(await _host.JobNamesAsync("pending"));
    }

    [Fact]
    public async Task PendingTimers_OfARemovedTimerNode_AreDeletedByTheDeploy()
    {
        await _host.DeployAsync(TestFlows.Through("drop", """{ "id": "n", "type": "timer", "config": { "delayPath": "payload.s" } }"""));
        await _host.PublishAsync("test/drop/in", """{ "s": 3600 }""");
        await Poll.UntilAsync(async () => (await _host.JobNamesAsync("drop")).Count == 1, "the timer is scheduled");

        await _host.DeployAsync(TestFlows.Through("drop", """{ "id": "n", "type": "delay", "config": { "ms": 0 } }"""));

        Assert.Empty(await _host.JobNamesAsync("drop"));
    }

    [Fact]
    public async Task NonNumericDelay_IsAnErrorOfTheNode()
    {
        await _host.DeployAsync(TestFlows.Through("nan", """{ "id": "n", "type": "timer", "config": { "delayPath": "payload.s" } }"""));

        await _host.PublishAsync("test/nan/in", """{ "s": "soon" }""");

        await Poll.UntilAsync(async () => (await _host.DeadLetters.ListAsync("nan", null, 0, 10, CancellationToken.None)).Count == 1, "the message went to the dead letters");
    }
}
