using System.Text.Json;
using Luohu.Hub.Runtime.Capabilities;

namespace Luohu.Hub.Runtime.Tests.Flows;

public sealed class OutputNodeTests : IAsyncDisposable
{
    private readonly FlowTestHost _host = new();

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Publish_RendersTheTopicAndKeepsPayloadAndHeaders()
    {
        await _host.DeployAsync(TestFlows.Flow("p1", """
            { "id": "out", "type": "publish", "config": { "topic": "district/parking/{{payload.lot}}/status" } }
            """, """{ "from": "in", "to": "out" }"""));
        var output = _host.Watch("district/parking/+/status");

        await _host.PublishAsync("test/p1/in", """{ "lot": "LH-3", "free": 4 }""", headers: new Dictionary<string, string> { ["trace"] = "t-1" });

        await Poll.UntilAsync(() => !output.IsEmpty, "the message is published");
        var message = output.Single();
        Assert.Equal("district/parking/LH-3/status", message.Topic);
        Assert.Equal(4, FlowTestHost.Payload(message)["free"]!.GetValue<int>());
        Assert.Equal("t-1", message.Headers["trace"]);
        Assert.Equal("flow:p1/out", message.Source);
    }

    [Fact]
    public async Task Alert_IsRecordedForItsDepartmentAndPublished()
    {
        await _host.DeployAsync(TestFlows.Flow("a1", """
            { "id": "al", "type": "alert", "config": { "severity": "critical", "title": "Car park {{payload.lot}} is full", "message": "{{payload.free}} free" } }
            """, """{ "from": "in", "to": "al" }"""));
        var published = _host.Watch("alerts/traffic/a1");

        await _host.PublishAsync("test/a1/in", """{ "lot": "LH-9", "free": 0 }""");

        await Poll.UntilAsync(() => !published.IsEmpty, "the alert is published");
        var alert = Assert.Single(_host.Alerts.List("traffic"));
        Assert.Equal("critical", alert.Severity);
        Assert.Equal("Car park LH-9 is full", alert.Title);
        Assert.Equal("0 free", alert.Message);
        Assert.Empty(_host.Alerts.List("police"));
        Assert.Equal("Car park LH-9 is full", FlowTestHost.Payload(published.Single())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Debug_PublishesOnTheDollarTopic_WhichWildcardsDoNotSee()
    {
        await _host.DeployAsync(TestFlows.Flow("d1", """{ "id": "dbg", "type": "debug" }""", """{ "from": "in", "to": "dbg" }"""));
        var debug = _host.Watch("$hub/debug/d1/+");
        var everything = _host.Watch("#");

        await _host.PublishAsync("test/d1/in", """{ "x": 1 }""");

        await Poll.UntilAsync(() => !debug.IsEmpty, "the debug node publishes");
        Assert.Equal("$hub/debug/d1/dbg", debug.Single().Topic);
        Assert.Equal(1, FlowTestHost.Payload(debug.Single())["value"]!["payload"]!["x"]!.GetValue<int>());
        Assert.DoesNotContain(everything, m => m.Topic.StartsWith('$'));
    }

    [Fact]
    public async Task Action_MapsInput_PassesDepartmentAndFlow_AndStoresTheOutput()
    {
        _host.Capabilities.AddAction("parking.get-lot", input =>
            JsonSerializer.SerializeToElement(new { lot = input.GetProperty("id").GetString(), total = 100 }));
        await _host.DeployAsync(TestFlows.Through("act1", """
            { "id": "n", "type": "action", "config": { "capability": "parking.get-lot", "input": { "id": "{{payload.lot}}" }, "output": "payload.details" } }
            """));
        var output = _host.Watch("test/act1/out");

        await _host.PublishAsync("test/act1/in", """{ "lot": "LH-2" }""");

        await Poll.UntilAsync(() => !output.IsEmpty, "the action's result is published");
        Assert.Equal(100, FlowTestHost.Payload(output.Single())["details"]!["total"]!.GetValue<int>());
        var call = Assert.Single(_host.Capabilities.Calls);
        Assert.Equal("LH-2", call.Input.GetProperty("id").GetString());
        Assert.Equal("traffic", call.Context.Department);
        Assert.Equal("act1", call.Context.FlowId);
    }

    [Fact]
    public async Task PluginTrigger_TakesOnlyTheEventsOfItsSource()
    {
        _host.Capabilities.EventSources.Add(new CapabilityDescriptor
        {
            Id = "parking.occupancy", Kind = ConnectorKind.EventSource, Title = "Occupancy", Topics = "sensors/parking/+/occupancy", Providers = ["luohu.parking"],
        });
        await _host.DeployAsync("""
            { "id": "pt", "name": "Plugin trigger", "department": "traffic",
              "nodes": [ { "id": "in", "type": "trigger.plugin", "config": { "capability": "parking.occupancy" } },
                         { "id": "out", "type": "publish", "config": { "topic": "test/pt/out" } } ],
              "wires": [ { "from": "in", "to": "out" } ] }
            """);
        var output = _host.Watch("test/pt/out");

        await _host.PublishAsync("sensors/parking/LH-1/occupancy", """{ "n": 1 }""", source: "api");
        await _host.PublishAsync("sensors/parking/LH-1/occupancy", """{ "n": 2 }""", source: "plugin:luohu.parking/parking.occupancy");

        await Poll.UntilAsync(() => !output.IsEmpty, "the plugin's event passes");
        Assert.Equal(2, FlowTestHost.Payload(Assert.Single(output))["n"]!.GetValue<int>());
    }
}
