using Luohu.Hub.Runtime.Flows;
using Luohu.Hub.Runtime.Flows.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Runtime.Tests.Flows;

public sealed class FlowValidatorTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public void Validate_FlowWithManyProblems_ReportsEveryOneWithItsPath()
    {
        var flow = FlowJson.Deserialize("""
            { "id": "Bad Id", "name": "", "department": "traffic",
              "nodes": [
                { "id": "in", "type": "trigger.topic", "config": { "topic": "sensors/#/x" } },
                { "id": "calc", "type": "script", "config": { "code": "const f = (x) => x * ; return msg;" } },
                { "id": "calc", "type": "script", "config": { "code": "return msg;" } },
                { "id": "what", "type": "no.such.type" },
                { "id": "sw", "type": "switch", "config": { "rules": [ { "port": "full" } ] } },
                { "id": "act", "type": "action", "config": { "capability": "nobody.offers-this" } },
                { "id": "out", "type": "publish", "config": { "topic": "district/+/status" } },
                { "id": "sched", "type": "trigger.schedule" },
                { "id": "ch", "type": "change", "config": { "rules": [ { "op": "set", "path": "payload.x", "valueType": "expression", "value": "msg.payload.free +" } ] } } ],
              "wires": [
                { "from": "in", "to": "calc" },
                { "from": "calc", "to": "nowhere" },
                { "from": "sw", "port": "empty", "to": "out" },
                { "from": "out", "to": "in" } ] }
            """);

        var problems = _host.Flows.Validate(flow);
        var paths = problems.Select(p => p.Path).ToList();

        Assert.Contains("id", paths);
        Assert.Contains("name", paths);
        Assert.Contains("nodes[in].config.topic", paths);
        Assert.Contains("nodes[calc].config.code", paths);
        Assert.Contains("nodes[calc].id", paths);
        Assert.Contains("nodes[what].type", paths);
        Assert.Contains("nodes[sw].config.rules[0].expression", paths);
        Assert.Contains("nodes[act].config.capability", paths);
        Assert.Contains("nodes[out].config.topic", paths);
        Assert.Contains("nodes[sched].config", paths);
        Assert.Contains("nodes[ch].config.rules[0].value", paths);
        Assert.Contains("wires[1].to", paths);
        Assert.Contains("wires[2].port", paths);
        Assert.Contains("wires[3].to", paths);
        var script = problems.Single(p => p.Path == "nodes[calc].config.code");
        Assert.Equal("calc", script.NodeId);
        Assert.Equal(1, script.Line);
        Assert.NotNull(script.Column);
        Assert.Contains("Unexpected token ';'", script.Message, StringComparison.Ordinal);
        Assert.Contains("not available until schedules", problems.Single(p => p.Path == "nodes[sched].config").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"two\"")]
    [InlineData("[2]")]
    [InlineData("true")]
    public void Validate_ScriptWhoseOutputsIsNotANumber_IsAProblemAtTheField(string outputs)
    {
        var flow = FlowJson.Deserialize(TestFlows.Through("outs", $$"""{ "id": "n", "type": "script", "config": { "code": "return msg;", "outputs": {{outputs}} } }"""));

        var problem = Assert.Single(_host.Flows.Validate(flow));

        Assert.Equal("nodes[n].config.outputs", problem.Path);
        Assert.Equal("n", problem.NodeId);
    }

    [Fact]
    public void Validate_FlowWithoutTrigger_IsAnError()
    {
        var flow = FlowJson.Deserialize("""
            { "id": "no-trigger", "name": "x", "department": "traffic",
              "nodes": [ { "id": "out", "type": "publish", "config": { "topic": "a/b" } } ], "wires": [] }
            """);
        Assert.Contains(_host.Flows.Validate(flow), p => p.Path == "nodes" && p.Message.Contains("no enabled trigger", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ValidFlow_HasNoProblems()
    {
        var flow = FlowJson.Deserialize("""
            { "id": "parking-guidance", "name": "Parking guidance", "department": "traffic",
              "nodes": [
                { "id": "in", "type": "trigger.topic", "config": { "topic": "sensors/parking/+/occupancy" } },
                { "id": "calc", "type": "script", "config": { "code": "msg.payload.full = msg.payload.free == 0; return msg;" } },
                { "id": "out", "type": "publish", "config": { "topic": "district/parking/{{payload.lot}}/status" } } ],
              "wires": [ { "from": "in", "to": "calc" }, { "from": "calc", "to": "out" } ] }
            """);
        Assert.Empty(_host.Flows.Validate(flow));
    }

    [Fact]
    public void Registry_ListsEveryNodeTypeWithSchemaAndPorts()
    {
        var types = _host.Provider.GetRequiredService<IFlowNodeTypeRegistry>().List();
        string[] expected =
        [
            "trigger.topic", "trigger.plugin", "trigger.schedule", "trigger.http", "script", "rule", "switch", "change",
            "delay", "throttle", "window", "action", "publish", "alert", "catch", "debug", "dataset",
        ];
        Assert.Equal(expected.Order(), types.Select(t => t.Type).Order());
        var sw = types.Single(t => t.Type == "switch");
        Assert.Equal("logic", sw.Category);
        Assert.Equal(["otherwise"], sw.Ports);
        Assert.Equal(["success", "failure"], types.Single(t => t.Type == "rule").Ports);
        var topic = types.Single(t => t.Type == "trigger.topic").ConfigSchema;
        Assert.Equal("topic", topic["required"]![0]!.GetValue<string>());
        Assert.NotNull(topic["properties"]!["topic"]!["title"]);
        Assert.Equal(3, types.Single(t => t.Type == "alert").ConfigSchema["properties"]!["severity"]!["enum"]!.AsArray().Count);
    }

    [Fact]
    public void ScriptPorts_AreComputedFromOutputs()
    {
        var registry = _host.Provider.GetRequiredService<IFlowNodeTypeRegistry>();
        var config = System.Text.Json.JsonDocument.Parse("""{ "code": "return [msg, null, msg];", "outputs": 3 }""").RootElement;
        Assert.Equal(["0", "1", "2"], registry.Find("script")!.GetOutputPorts(config));
    }
}
