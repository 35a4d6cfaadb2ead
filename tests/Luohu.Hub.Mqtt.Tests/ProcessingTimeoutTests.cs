using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>
/// <c>Hub:Mqtt:ProcessingTimeout</c> at the bridge: a stuck message (its acknowledgement holds back every later one) is
/// acknowledged anyway once the acknowledgements stood still that long; a backlog that keeps moving is never
/// acknowledged early, however long its messages wait.
/// </summary>
public sealed class ProcessingTimeoutTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_message_a_delay_node_holds_past_the_timeout_is_acknowledged_at_the_timeout_and_counted_and_its_result_still_comes_out()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var hub = await HubServer.StartAsync(BridgeRoundTripTests.Settings(broker, "stuck-hub", ("Hub:Mqtt:ProcessingTimeout", "00:00:01")));
        var flow = Flows.Relay("stuck", "sensors/stuck", "district/stuck-out", "return msg;");
        flow["nodes"]!.AsArray().Add(new JsonObject { ["id"] = "wait", ["type"] = "delay", ["config"] = new JsonObject { ["ms"] = 6000 } });
        var wires = flow["wires"]!.AsArray();
        wires.RemoveAt(1);
        wires.Add(new JsonObject { ["from"] = "fn", ["to"] = "wait" });
        wires.Add(new JsonObject { ["from"] = "wait", ["to"] = "out" });
        await Flows.DeployAsync(hub.Client, flow);
        await BridgeRoundTripTests.ConnectedAsync(hub);
        await using var client = await TestClient.ConnectAsync(broker.Port, "luohu/district/stuck-out");

        await client.PublishAsync("luohu/sensors/stuck", """{"n":1}""");

        await Poll.UntilAsync(() => broker.Log.Contains("Received PUBACK from stuck-hub (", StringComparison.Ordinal), Deadline, "the PUBACK at the timeout");
        var outWhenAcknowledged = client.Received.Count;
        var state = await Flows.StateWhenAsync(hub.Client, s => s["ackTimeouts"]!.GetValue<long>() > 0, "the ack timeout counted");
        await Poll.UntilAsync(() => !client.Received.IsEmpty, Deadline, "the delayed result");

        Assert.Equal(0, outWhenAcknowledged);
        Assert.Equal(1, state["ackTimeouts"]!.GetValue<long>());
        Assert.Equal(0, state["inProcessing"]!.GetValue<int>());
        Assert.Single(client.Received);
    }

    [Fact]
    public async Task Messages_that_wait_behind_a_moving_backlog_far_longer_than_the_timeout_are_not_acknowledged_early()
    {
        const int count = 3000;
        await using var broker = await MosquittoBroker.StartAsync();
        await using var hub = await HubServer.StartAsync(BridgeRoundTripTests.Settings(broker, "backlog-hub", ("Hub:Mqtt:ProcessingTimeout", "00:00:01")));

        // A few milliseconds of work per message (a loop inside the script's statement limit): 3,000 take seconds, so the
        // last ones wait several times the 1 s timeout while the acknowledgements keep moving.
        await Flows.DeployAsync(hub.Client, Flows.Relay("backlog", "sensors/backlog", "district/backlog-out",
            "var s = 0; for (var i = 0; i < 10000; i++) { s += i; } msg.payload.s = s; return msg;"));
        await BridgeRoundTripTests.ConnectedAsync(hub);
        await using var client = await TestClient.ConnectAsync(broker.Port, "luohu/district/backlog-out");

        // One message first, so the script's first compilation is not the stall the timeout is for.
        await client.PublishAsync("luohu/sensors/backlog", $$"""{"n":{{count}}}""");
        await Poll.UntilAsync(() => client.Received.Count == 1, Deadline, "the first result");
        var started = DateTimeOffset.UtcNow;
        for (var n = 0; n < count; n++)
        {
            await client.PublishAsync("luohu/sensors/backlog", $$"""{"n":{{n}}}""");
        }

        await Poll.UntilAsync(() => client.Received.Count >= count + 1, TimeSpan.FromSeconds(180), $"{count} more results");
        var took = DateTimeOffset.UtcNow - started;
        var state = await Flows.StateWhenAsync(hub.Client, s => s["inProcessing"]!.GetValue<int>() == 0, "every message acknowledged");

        Assert.True(took > TimeSpan.FromSeconds(3), $"the backlog took {took.TotalSeconds:F1} s, too short to test the 1 s timeout");
        Assert.Equal(0, state["ackTimeouts"]!.GetValue<long>());
        Assert.Equal(count + 1, client.Received.Select(r => JsonNode.Parse(r.Payload)!["n"]!.GetValue<int>()).Distinct().Count());
    }
}
