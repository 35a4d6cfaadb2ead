using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>
/// When the hub acknowledges a QoS 1 message to an external broker (MQTTnet manual acknowledgement): only once it is
/// processed. mosquitto's own log ("Received PUBACK from …") is the witness.
/// </summary>
public sealed class AckAfterProcessingTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_message_a_delay_node_holds_is_acknowledged_only_after_it_left_the_delay_and_its_result_reached_the_broker_even_when_the_script_built_a_new_object()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var hub = await HubServer.StartAsync(BridgeRoundTripTests.Settings(broker, "ack-hub"));
        var flow = Flows.Relay("held", "sensors/held", "district/held-out", "return { payload: { n: msg.payload.n, fresh: true } };");
        flow["nodes"]!.AsArray().Add(new JsonObject { ["id"] = "wait", ["type"] = "delay", ["config"] = new JsonObject { ["ms"] = 3000 } });
        var wires = flow["wires"]!.AsArray();
        wires.RemoveAt(1);
        wires.Add(new JsonObject { ["from"] = "fn", ["to"] = "wait" });
        wires.Add(new JsonObject { ["from"] = "wait", ["to"] = "out" });
        await Flows.DeployAsync(hub.Client, flow);
        await BridgeRoundTripTests.ConnectedAsync(hub);
        await using var client = await TestClient.ConnectAsync(broker.Port, "luohu/district/held-out");
        var puback = "Received PUBACK from ack-hub (";

        await client.PublishAsync("luohu/sensors/held", """{"n":7}""");

        await Poll.UntilAsync(() => broker.Log.Contains("Sending PUBLISH to ack-hub (", StringComparison.Ordinal), Deadline, "the broker sent the message to the hub");
        await Task.Delay(1000);
        var ackedWhileHeld = broker.Log.Contains(puback, StringComparison.Ordinal);
        await Poll.UntilAsync(() => !client.Received.IsEmpty, Deadline, "the delayed result at the broker");
        await Poll.UntilAsync(() => broker.Log.Contains(puback, StringComparison.Ordinal), Deadline, "the PUBACK after processing");

        Assert.False(ackedWhileHeld, "the hub acknowledged the message while the delay node still held it");
        Assert.True(JsonNode.Parse(Assert.Single(client.Received).Payload)!["fresh"]!.GetValue<bool>());
        var state = await Flows.MqttStateAsync(hub.Client);
        Assert.Equal(0, state["ackTimeouts"]!.GetValue<long>());
        Assert.Equal(0, state["inProcessing"]!.GetValue<int>());
    }
}
