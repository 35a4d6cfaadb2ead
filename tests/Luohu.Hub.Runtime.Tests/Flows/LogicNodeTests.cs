
namespace Luohu.Hub.Runtime.Tests.Flows;

public sealed class LogicNodeTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Script_ChangesThePayloadAndReturnsTheMessage()
    {
        await _host.DeployAsync(TestFlows.Through("s1", """{ "id": "n", "type": "script", "config": { "code": "msg.payload.full = msg.payload.free == 0; return msg;" } }"""));
        var output = _host.Watch("test/s1/out");

        await _host.PublishAsync("test/s1/in", """{ "free": 0 }""");

        await Poll.UntilAsync(() => !output.IsEmpty, "the script's message is published");
        Assert.True(FlowTestHost.Payload(output.Single())["full"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Script_ArrayResult_SendsOneElementPerOutputAndNullSendsNothing()
    {
        await _host.DeployAsync(TestFlows.Flow("s2", """
            { "id": "n", "type": "script", "config": { "outputs": 3, "code": "var a = { payload: 'a' }; var c = { payload: 'c' }; return [a, null, c];" } },
            { "id": "o0", "type": "publish", "config": { "topic": "out/s2/0" } },
            { "id": "o1", "type": "publish", "config": { "topic": "out/s2/1" } },
            { "id": "o2", "type": "publish", "config": { "topic": "out/s2/2" } }
            """, """
            { "from": "in", "to": "n" }, { "from": "n", "port": "0", "to": "o0" }, { "from": "n", "port": "1", "to": "o1" }, { "from": "n", "port": "2", "to": "o2" }
            """));
        var all = _host.Watch("out/s2/+");

        await _host.PublishAsync("test/s2/in", "{}");

        await Poll.UntilAsync(() => all.Count == 2, "two of three outputs publish");
        Assert.Equal(["out/s2/0", "out/s2/2"], all.Select(m => m.Topic).Order());
    }

    [Fact]
    public async Task Script_ReturningNull_DropsTheMessage()
    {
        await _host.DeployAsync(TestFlows.Through("s3", """{ "id": "n", "type": "script", "config": { "code": "return msg.payload.keep ? msg : null;" } }"""));
        var output = _host.Watch("test/s3/out");

        await _host.PublishAsync("test/s3/in", """{ "keep": false }""");
        await _host.PublishAsync("test/s3/in", """{ "keep": true, "n": 2 }""");

        await Poll.UntilAsync(() => !output.IsEmpty, "the kept message arrives");
        Assert.Equal(2, FlowTestHost.Payload(output.Single())["n"]!.GetValue<int>());
    }

    [Fact]
    public async Task Script_CtxKeepsStateBetweenMessages()
    {
        await _host.DeployAsync(TestFlows.Through("s4", """{ "id": "n", "type": "script", "config": { "code": "var c = (ctx.get('count') || 0) + 1; ctx.set('count', c); msg.payload = c; return msg;" } }"""));
        var output = _host.Watch("test/s4/out");

        for (var i = 0; i < 3; i++)
        {
            await _host.PublishAsync("test/s4/in", "{}");
        }

        await Poll.UntilAsync(() => output.Count == 3, "three counts");
        Assert.Equal([1, 2, 3], output.Select(m => FlowTestHost.Payload(m).GetValue<int>()));
    }

    [Fact]
    public async Task Switch_FirstMatchWins_AndOtherwiseTakesTheRest()
    {
        await _host.DeployAsync(TestFlows.Flow("sw1", """
            { "id": "n", "type": "switch", "config": { "rules": [
                { "port": "full", "expression": "msg.payload.free == 0" },
                { "port": "low", "expression": "msg.payload.free < 10" } ] } },
            { "id": "full", "type": "publish", "config": { "topic": "out/sw1/full" } },
            { "id": "low", "type": "publish", "config": { "topic": "out/sw1/low" } },
            { "id": "rest", "type": "publish", "config": { "topic": "out/sw1/rest" } }
            """, """
            { "from": "in", "to": "n" }, { "from": "n", "port": "full", "to": "full" }, { "from": "n", "port": "low", "to": "low" }, { "from": "n", "port": "otherwise", "to": "rest" }
            """));
        var all = _host.Watch("out/sw1/+");

        await _host.PublishAsync("test/sw1/in", """{ "free": 0 }""");
        await _host.PublishAsync("test/sw1/in", """{ "free": 5 }""");
        await _host.PublishAsync("test/sw1/in", """{ "free": 50 }""");

        await Poll.UntilAsync(() => all.Count == 3, "each message leaves by one port");
        Assert.Equal(["out/sw1/full", "out/sw1/low", "out/sw1/rest"], all.Select(m => m.Topic));
    }

    [Fact]
    public async Task Switch_AllMode_SendsToEveryMatchingPort()
    {
        await _host.DeployAsync(TestFlows.Flow("sw2", """
            { "id": "n", "type": "switch", "config": { "mode": "all", "rules": [
                { "port": "a", "expression": "msg.payload.free < 10" },
                { "port": "b", "expression": "msg.payload.free < 20" } ] } },
            { "id": "a", "type": "publish", "config": { "topic": "out/sw2/a" } },
            { "id": "b", "type": "publish", "config": { "topic": "out/sw2/b" } }
            """, """
            { "from": "in", "to": "n" }, { "from": "n", "port": "a", "to": "a" }, { "from": "n", "port": "b", "to": "b" }
            """));
        var all = _host.Watch("out/sw2/+");

        await _host.PublishAsync("test/sw2/in", """{ "free": 5 }""");

        await Poll.UntilAsync(() => all.Count == 2, "both matching ports publish");
        Assert.Equal(["out/sw2/a", "out/sw2/b"], all.Select(m => m.Topic).Order());
    }

    [Fact]
    public async Task Change_SetsMovesAndDeletes_InOrder()
    {
        await _host.DeployAsync(TestFlows.Through("ch1", """
            { "id": "n", "type": "change", "config": { "rules": [
                { "op": "set", "path": "payload.status", "value": "open" },
                { "op": "set", "path": "payload.label", "valueType": "template", "value": "Lot {{payload.lot}}" },
                { "op": "set", "path": "payload.ratio", "valueType": "expression", "value": "msg.payload.free / msg.payload.total" },
                { "op": "move", "path": "payload.free", "to": "payload.spaces" },
                { "op": "delete", "path": "payload.secret" } ] } }
            """));
        var output = _host.Watch("test/ch1/out");

        await _host.PublishAsync("test/ch1/in", """{ "lot": "LH-7", "free": 25, "total": 100, "secret": "x" }""");

        await Poll.UntilAsync(() => !output.IsEmpty, "the changed message arrives");
        var payload = FlowTestHost.Payload(output.Single());
        Assert.Equal("open", payload["status"]!.GetValue<string>());
        Assert.Equal("Lot LH-7", payload["label"]!.GetValue<string>());
        Assert.Equal(0.25, payload["ratio"]!.GetValue<double>());
        Assert.Equal(25, payload["spaces"]!.GetValue<int>());
        Assert.Null(payload["free"]);
        Assert.Null(payload["secret"]);
    }
}
