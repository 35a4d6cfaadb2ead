using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>A client that floods is throttled (and at length disconnected) on its own connection; the others go on. Queue drops are counted.</summary>
public sealed class EmbeddedBrokerFloodTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_flooding_client_is_throttled_and_disconnected_while_a_quiet_clients_messages_all_arrive_unthrottled()
    {
        await using var hub = await EmbeddedHub.StartAsync(
            ("Hub:Mqtt:Broker:MaxMessagesPerSecondPerClient", "200"), ("Hub:Mqtt:Broker:FloodBurst", "200"), ("Hub:Mqtt:Broker:FloodDisconnectAfter", "00:00:03"));
        var credentials = await hub.IssueAsync("traffic", "lots");
        await using var watcher = await TestClient.ConnectAsync(hub.Options(credentials).Build(), ["sensors/parking/quiet/#"]);
        var latencies = new ConcurrentBag<double>();
        watcher.OnMessage = (_, payload) => latencies.Add(Stopwatch.GetElapsedTime(JsonNode.Parse(payload)!["t"]!.GetValue<long>()).TotalMilliseconds);
        using var flooder = new MqttClientFactory().CreateMqttClient();
        await flooder.ConnectAsync(hub.Options(credentials, "flooder").Build());
        await using var quiet = await TestClient.ConnectAsync(hub.Options(credentials, "quiet").Build(), []);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var flood = Task.Run(async () =>
        {
            var message = new MqttApplicationMessageBuilder().WithTopic("sensors/parking/flood/x").WithPayload("{}").WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build();
            while (flooder.IsConnected && !stop.IsCancellationRequested)
            {
                try
                {
                    await flooder.PublishAsync(message, stop.Token);
                }
                catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or MQTTnet.Exceptions.MqttClientNotConnectedException)
                {
                    break;
                }
            }
        });
        for (var n = 0; n < 50; n++)
        {
            await quiet.PublishAsync($"sensors/parking/quiet/{n}", $$"""{"t":{{Stopwatch.GetTimestamp()}}}""");
            await Task.Delay(20);
        }

        await Poll.UntilAsync(() => latencies.Count == 50, Deadline, "every message of the quiet client");
        var state = await hub.BrokerStateWhenAsync(
            s => s["floodDisconnects"]!.GetValue<long>() == 1 && !s["clients"]!.AsArray().Any(c => c!["clientId"]!.GetValue<string>() == "flooder"), "the flooder disconnected");
        await stop.CancelAsync();
        await flood;

        var sorted = latencies.Order().ToList();
        output.WriteLine($"quiet client while the other floods: p50 {sorted[25]:F1} ms, max {sorted[^1]:F1} ms; throttled publishes {state["throttled"]}");
        Assert.False(flooder.IsConnected);
        Assert.True(state["throttled"]!.GetValue<long>() > 0);
        var clients = state["clients"]!.AsArray();
        Assert.DoesNotContain(clients, c => c!["clientId"]!.GetValue<string>() == "flooder");
        Assert.Equal(0, clients.Single(c => c!["clientId"]!.GetValue<string>() == "quiet")!["throttled"]!.GetValue<long>());
    }

    [Fact]
    public async Task Messages_beyond_a_clients_pending_queue_are_dropped_oldest_first_and_every_drop_is_counted()
    {
        await using var hub = await EmbeddedHub.StartAsync(("Hub:Mqtt:Broker:MaxPendingMessagesPerClient", "5"));
        var credentials = await hub.IssueAsync("traffic", "offline display");
        var persistent = hub.Options(credentials, "display-1").WithCleanStart(false).WithSessionExpiryInterval(3600).Build();
        using (var client = new MqttClientFactory().CreateMqttClient())
        {
            await client.ConnectAsync(persistent);
            await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("sensors/parking/display/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());
            await client.DisconnectAsync();
        }

        // The broker may handle the DISCONNECT after the first publishes on a busy machine; until then they go to the
        // connected session instead of the queue.
        await hub.BrokerStateWhenAsync(s => !s["clients"]!.AsArray().Any(c => c!["clientId"]!.GetValue<string>() == "display-1"), "display-1 offline");
        await using (var publisher = await TestClient.ConnectAsync(hub.Options(credentials).Build(), []))
        {
            for (var n = 0; n < 12; n++)
            {
                await publisher.PublishAsync("sensors/parking/display/x", $$"""{"n":{{n}}}""");
            }
        }

        await hub.BrokerStateWhenAsync(s => s["queueDrops"]!.GetValue<long>() == 7, "7 of 12 dropped from the full queue");
        var received = new ConcurrentQueue<int>();
        using var back = new MqttClientFactory().CreateMqttClient();
        back.ApplicationMessageReceivedAsync += e =>
        {
            received.Enqueue(JsonNode.Parse(e.ApplicationMessage.ConvertPayloadToString())!["n"]!.GetValue<int>());
            return Task.CompletedTask;
        };
        await back.ConnectAsync(persistent);

        await Poll.UntilAsync(() => received.Count >= 5, Deadline, "the five kept messages");
        Assert.Equal([7, 8, 9, 10, 11], received);
        var state = await hub.BrokerStateWhenAsync(s => s["clients"]!.AsArray().Any(c => c!["clientId"]!.GetValue<string>() == "display-1"), "display-1 listed");
        Assert.True(7 == state["clients"]!.AsArray().Single(c => c!["clientId"]!.GetValue<string>() == "display-1")!["queueDrops"]!.GetValue<long>(), state.ToJsonString());
    }
}
