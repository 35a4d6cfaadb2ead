using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>The real hub (Kestrel, SQLite, flows) bridged to a real mosquitto.</summary>
public sealed class BridgeRoundTripTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    internal static Dictionary<string, string?> Settings(MosquittoBroker broker, string clientId, params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Mqtt:Url"] = broker.Url,
            ["Hub:Mqtt:ClientId"] = clientId,
            ["Hub:Mqtt:Subscribe:0"] = "luohu/sensors/#",
            ["Hub:Mqtt:Publish:0"] = "district/#",
            ["Hub:Mqtt:Mappings:0:Broker"] = "luohu/",
            ["Hub:Mqtt:Mappings:0:Hub"] = "",
            ["Hub:Mqtt:ReconnectMinDelay"] = "00:00:00.100",
            ["Hub:Mqtt:ReconnectMaxDelay"] = "00:00:01",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task A_broker_message_runs_a_flow_whose_publish_reaches_the_broker_through_wildcards_and_the_mapping()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var hub = await HubServer.StartAsync(Settings(broker, "rt-hub"));
        await Flows.DeployAsync(hub.Client, Flows.Relay("relay", "sensors/lots/+/occupancy", "district/lots/{{payload.lot}}/free",
            "msg.payload = { lot: msg.payload.lot, free: msg.payload.total - msg.payload.used }; return msg;"));
        await ConnectedAsync(hub);
        await using var client = await TestClient.ConnectAsync(broker.Port, "luohu/district/lots/#");

        await client.PublishAsync("luohu/sensors/lots/LH-7/occupancy", """{"lot":"LH-7","total":100,"used":58}""");

        await Poll.UntilAsync(() => !client.Received.IsEmpty, Deadline, "the flow's publish at the broker");
        var (topic, payload) = Assert.Single(client.Received);
        Assert.Equal("luohu/district/lots/LH-7/free", topic);
        Assert.Equal(42, JsonNode.Parse(payload)!["free"]!.GetValue<int>());
    }

    [Fact]
    public async Task Non_json_payloads_are_wrapped_with_a_marker_and_reach_flows()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var hub = await HubServer.StartAsync(Settings(broker, "wrap-hub"));
        await Flows.DeployAsync(hub.Client, Flows.Relay("wrap", "sensors/raw/#", "district/echo",
            "msg.payload = { raw: msg.payload['$raw'], encoding: msg.payload['$encoding'], marked: msg.headers['mqtt-payload-wrapped'] }; return msg;"));
        await ConnectedAsync(hub);
        await using var client = await TestClient.ConnectAsync(broker.Port, "luohu/district/echo");

        await client.PublishAsync("luohu/sensors/raw/1", "water level 3.2m");

        await Poll.UntilAsync(() => !client.Received.IsEmpty, Deadline, "the wrapped payload echoed");
        var echoed = JsonNode.Parse(Assert.Single(client.Received).Payload)!;
        Assert.Equal("water level 3.2m", echoed["raw"]!.GetValue<string>());
        Assert.Equal("utf8", echoed["encoding"]!.GetValue<string>());
        Assert.Equal("utf8", echoed["marked"]!.GetValue<string>());
    }

    [Fact]
    public async Task Oversize_payloads_are_rejected_counted_and_the_reason_shown_on_the_api()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var hub = await HubServer.StartAsync(Settings(broker, "big-hub", ("Hub:Mqtt:MaxPayloadBytes", "100")));
        await ConnectedAsync(hub);
        await using var client = await TestClient.ConnectAsync(broker.Port);

        await client.PublishAsync("luohu/sensors/big", new string('x', 101));

        var state = await StateWhenAsync(hub, s => s["rejected"]!.GetValue<long>() == 1, "rejected = 1");
        Assert.Contains("MaxPayloadBytes (100)", state["lastRejection"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(0, state["received"]!.GetValue<long>());
    }

    [Fact]
    public async Task Without_a_broker_url_the_bridge_is_off_and_the_api_says_so()
    {
        await using var hub = await HubServer.StartAsync();

        var state = await Flows.MqttStateAsync(hub.Client);

        Assert.False(state["enabled"]!.GetValue<bool>());
    }

    internal static Task ConnectedAsync(HubServer hub) =>
        StateWhenAsync(hub, s => s["connected"]!.GetValue<bool>(), "the bridge connected");

    internal static async Task<JsonObject> StateWhenAsync(HubServer hub, Func<JsonObject, bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (true)
        {
            var state = await Flows.MqttStateAsync(hub.Client);
            if (condition(state))
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out after {Deadline.TotalSeconds} s waiting for {what}; /api/v1/mqtt: {state.ToJsonString()}");
            await Task.Delay(25);
        }
    }
}
