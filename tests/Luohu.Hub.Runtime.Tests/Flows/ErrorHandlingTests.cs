using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Flows.Persistence;

namespace Luohu.Hub.Runtime.Tests.Flows;

public sealed class ErrorHandlingTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private const string Failing = """{ "id": "n", "type": "script", "config": { "code": "if (msg.payload.bad) { throw new Error('bad reading ' + msg.payload.id); } return msg;" } }""";

    [Fact]
    public async Task FailingNodeWithoutCatch_MakesADeadLetterWithTheReason()
    {
        await _host.DeployAsync(TestFlows.Through("dlq", Failing));

        await _host.PublishAsync("test/dlq/in", """{ "bad": true, "id": 7 }""");

        await Poll.UntilAsync(async () => (await _host.DeadLetters.ListAsync("dlq", null, 0, 10, default)).Count == 1, "the failure is a dead letter");
        var letter = (await _host.DeadLetters.ListAsync("dlq", DeadLetterStates.Pending, 0, 10, default)).Single();
        Assert.Equal("n", letter.NodeId);
        Assert.Equal("script", letter.NodeType);
        Assert.Equal(1, letter.FlowVersion);
        Assert.Equal("test/dlq/in", letter.Topic);
        Assert.Contains("bad reading 7", letter.Reason, StringComparison.Ordinal);
        Assert.Contains("\"id\":7", letter.MessageJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_SendsTheMessageIntoTheSameNodeOfTheDeployedVersion_AndMarksIt()
    {
        await _host.DeployAsync(TestFlows.Through("rp", Failing));
        await _host.PublishAsync("test/rp/in", """{ "bad": true, "id": 8 }""");
        await Poll.UntilAsync(async () => (await _host.DeadLetters.ListAsync("rp", null, 0, 10, default)).Count == 1, "the failure is a dead letter");
        var letter = (await _host.DeadLetters.ListAsync("rp", null, 0, 10, default)).Single();
        await _host.DeployAsync(TestFlows.Through("rp", """{ "id": "n", "type": "script", "config": { "code": "msg.payload.fixed = true; return msg;" } }"""));
        var output = _host.Watch("test/rp/out");

        await _host.DeadLetters.ReplayAsync(letter.Id, default);

        await Poll.UntilAsync(() => !output.IsEmpty, "the replayed message goes through the fixed node");
        Assert.True(FlowTestHost.Payload(output.Single())["fixed"]!.GetValue<bool>());
        var replayed = await _host.DeadLetters.GetAsync(letter.Id, default);
        Assert.Equal(DeadLetterStates.Replayed, replayed!.State);
        Assert.Equal(1, replayed.ReplayCount);
    }

    [Fact]
    public async Task Replay_WhenTheNodeIsGone_IsAConflict()
    {
        await _host.DeployAsync(TestFlows.Through("gone", Failing));
        await _host.PublishAsync("test/gone/in", """{ "bad": true }""");
        await Poll.UntilAsync(async () => (await _host.DeadLetters.ListAsync("gone", null, 0, 10, default)).Count == 1, "the failure is a dead letter");
        var letter = (await _host.DeadLetters.ListAsync("gone", null, 0, 10, default)).Single();
        await _host.DeployAsync(TestFlows.Flow("gone", """{ "id": "d", "type": "debug" }""", """{ "from": "in", "to": "d" }"""));

        var error = await Assert.ThrowsAsync<FlowException>(() => _host.DeadLetters.ReplayAsync(letter.Id, default));

        Assert.Equal(FlowErrorKind.Conflict, error.Kind);
        Assert.Contains("'n'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CatchNode_ReceivesTheMessageWithTheError_AndNothingIsDeadLettered()
    {
        await _host.DeployAsync(TestFlows.Flow("ct", Failing + ", " + """
            { "id": "c", "type": "catch" },
            { "id": "err", "type": "publish", "config": { "topic": "test/ct/errors" } }
            """, """{ "from": "in", "to": "n" }, { "from": "c", "to": "err" }"""));
        var errors = _host.Watch("test/ct/errors");

        await _host.PublishAsync("test/ct/in", """{ "bad": true, "id": 3 }""");

        await Poll.UntilAsync(() => !errors.IsEmpty, "the catch node forwards the failure");
        Assert.Equal(3, FlowTestHost.Payload(errors.Single())["id"]!.GetValue<int>());
        var caught = _host.Engine.Find("ct")!;
        Assert.Equal(1, caught.Counters.Errors);
        Assert.Empty(await _host.DeadLetters.ListAsync("ct", null, 0, 10, default));
    }

    [Fact]
    public async Task CatchNode_WithErrorField_SeesNodeIdTypeAndMessage()
    {
        await _host.DeployAsync(TestFlows.Flow("ct2", Failing + ", " + """
            { "id": "c", "type": "catch", "config": { "nodes": [ "n" ] } },
            { "id": "shape", "type": "change", "config": { "rules": [ { "op": "set", "path": "payload", "valueType": "template", "value": "{{error}}" } ] } },
            { "id": "err", "type": "publish", "config": { "topic": "test/ct2/errors" } }
            """, """{ "from": "in", "to": "n" }, { "from": "c", "to": "shape" }, { "from": "shape", "to": "err" }"""));
        var errors = _host.Watch("test/ct2/errors");

        await _host.PublishAsync("test/ct2/in", """{ "bad": true, "id": 4 }""");

        await Poll.UntilAsync(() => !errors.IsEmpty, "the catch node forwards the failure");
        var error = FlowTestHost.Payload(errors.Single());
        Assert.Equal("n", error["nodeId"]!.GetValue<string>());
        Assert.Equal("script", error["nodeType"]!.GetValue<string>());
        Assert.Contains("bad reading 4", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailureDownstreamOfCatch_GoesToTheDeadLetters()
    {
        await _host.DeployAsync(TestFlows.Flow("ct3", Failing + ", " + """
            { "id": "c", "type": "catch" },
            { "id": "boom", "type": "script", "config": { "code": "throw new Error('catch path broke');" } }
            """, """{ "from": "in", "to": "n" }, { "from": "c", "to": "boom" }"""));

        await _host.PublishAsync("test/ct3/in", """{ "bad": true }""");

        await Poll.UntilAsync(async () => (await _host.DeadLetters.ListAsync("ct3", null, 0, 10, default)).Count == 1, "the second failure is a dead letter");
        Assert.Equal("boom", (await _host.DeadLetters.ListAsync("ct3", null, 0, 10, default)).Single().NodeId);
    }

    [Fact]
    public async Task ActionWithoutAnyPlugin_FailsIntoTheDeadLetters()
    {
        _host.Capabilities.AddAction("signals.set-phase", input => input);
        await _host.DeployAsync(TestFlows.Through("act", """{ "id": "n", "type": "action", "config": { "capability": "signals.set-phase" } }"""));
        _host.Capabilities.AddAction("signals.set-phase", _ => throw new Luohu.Hub.Runtime.Capabilities.CapabilityException(
            Luohu.Hub.Runtime.Capabilities.CapabilityErrorKind.Unavailable, "signals.set-phase", "The signals plugin is not running."));

        await _host.PublishAsync("test/act/in", "{}");

        await Poll.UntilAsync(async () => (await _host.DeadLetters.ListAsync("act", null, 0, 10, default)).Count == 1, "the failed call is a dead letter");
        Assert.Contains("not running", (await _host.DeadLetters.ListAsync("act", null, 0, 10, default)).Single().Reason, StringComparison.Ordinal);
    }
}
