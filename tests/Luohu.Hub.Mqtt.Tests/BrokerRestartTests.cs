using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;
using Xunit.Abstractions;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>
/// The broker goes away and comes back (SIGTERM, restarted on the same port and persistence folder). Topics stay clear of
/// <c>sensors/parking/…</c> and <c>district/…</c>, where the bundled parking plugin and sample flow publish.
/// </summary>
public sealed class BrokerRestartTests(ITestOutputHelper output)
{
    private const int Count = 2000;

    [Fact]
    public async Task A_broker_restarted_mid_stream_loses_no_QoS1_message_and_the_hub_serves_throughout()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var hub = await HubServer.StartAsync(BridgeRoundTripTests.Settings(broker, "restart-hub", ("Hub:Mqtt:Publish:0", "bridge-test/#")));
        await Flows.DeployAsync(hub.Client, Flows.Relay("numbers", "sensors/numbers", "bridge-test/numbers", "msg.payload = { n: msg.payload.n }; return msg;"));
        await BridgeRoundTripTests.ConnectedAsync(hub);
        await using var results = await TestClient.ConnectPersistentAsync(broker.Port, "restart-results", "luohu/bridge-test/#");
        var seen = new ConcurrentDictionary<int, int>();
        results.OnMessage = (_, payload) => seen.AddOrUpdate(JsonNode.Parse(payload)?["n"]?.GetValue<int>() ?? -1, 1, (_, c) => c + 1);
        using var stopHealth = new CancellationTokenSource();
        var health = WatchHealthAsync(hub.Client, stopHealth.Token);
        await using var publisher = await NumberPublisher.ConnectAsync(broker.Port, "luohu/sensors/numbers");
        await Poll.UntilAsync(() => publisher.IsConnected, TimeSpan.FromSeconds(10), "the publisher connected");

        var deadline = DateTime.UtcNow.AddMinutes(2);
        var stream = Task.Run(async () =>
        {
            for (var n = 0; n < Count; n++)
            {
                await publisher.PublishAsync(n, deadline);
                if (n % 20 == 0)
                {
                    await Task.Delay(10);
                }
            }

            await publisher.DrainAsync();
        });
        await Poll.UntilAsync(() => seen.Count > Count / 4, TimeSpan.FromSeconds(60), "a quarter of the stream through the flow");
        await broker.TerminateAsync();
        var atStop = seen.Count;
        await BridgeRoundTripTests.StateWhenAsync(hub, s => !s["connected"]!.GetValue<bool>(), "the bridge noticed the broker is gone");
        await broker.RestartAsync();
        await stream;

        // What the broker had not confirmed when it went away is published again: duplicates allowed, loss not.
        await Poll.UntilAsync(() => publisher.IsConnected, TimeSpan.FromSeconds(20), "the publisher reconnected");
        while (publisher.Unconfirmed(Count) is { Count: > 0 } unconfirmed && DateTime.UtcNow < deadline)
        {
            foreach (var n in unconfirmed)
            {
                await publisher.PublishAsync(n, deadline);
            }

            await publisher.DrainAsync();

            await Poll.UntilAsync(() => publisher.Unconfirmed(Count).Count == 0 || !publisher.IsConnected, TimeSpan.FromSeconds(30), "the republished numbers confirmed");
        }

        await Poll.UntilAsync(() => Enumerable.Range(0, Count).All(seen.ContainsKey), TimeSpan.FromSeconds(60),
            $"every number out of the flow; missing so far: {string.Join(',', Enumerable.Range(0, Count).Where(n => !seen.ContainsKey(n)).Take(20))}");
        var state = await BridgeRoundTripTests.StateWhenAsync(hub, s => s["connected"]!.GetValue<bool>(), "the bridge reconnected");
        await stopHealth.CancelAsync();
        var (answered, failures) = await health;

        output.WriteLine($"broker stopped after {atStop} of {Count}; all {Count} out of the flow; {seen.Values.Sum(c => c - 1)} duplicate(s); /healthz answered {answered} times");
        Assert.InRange(atStop, 1, Count - 1);
        Assert.Empty(failures);
        Assert.True(answered > 0, "/healthz was polled throughout");
        Assert.True(state["connects"]!.GetValue<long>() >= 4, $"both connections reconnected: {state.ToJsonString()}");
        Assert.NotNull(state["lastError"]);
    }

    [Fact]
    public async Task While_the_broker_is_down_the_outbound_queue_holds_its_bound_sheds_the_oldest_and_delivers_the_rest_after()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        await using var hub = await HubServer.StartAsync(BridgeRoundTripTests.Settings(broker, "shed-hub", ("Hub:Mqtt:Publish:0", "bridge-test/#"), ("Hub:Mqtt:OutboundQueueCapacity", "5")));
        await BridgeRoundTripTests.ConnectedAsync(hub);
        await using (await TestClient.ConnectPersistentAsync(broker.Port, "shed-results", "luohu/bridge-test/#"))
        {
            // Only the session is wanted now: the broker keeps it, and queues for it, across its restart.
        }

        await broker.TerminateAsync();
        await BridgeRoundTripTests.StateWhenAsync(hub, s => s["outboundConnected"]?.GetValue<bool>() == false, "the outbound connection noticed the broker is gone");
        for (var n = 0; n < 12; n++)
        {
            await HubServer.EnsureSuccessAsync(await hub.Client.PostAsync(new Uri("/api/v1/messages", UriKind.Relative),
                JsonContent($$$"""{"topic":"bridge-test/shed","payload":{"n":{{{n}}}}}""")));
        }

        var down = await BridgeRoundTripTests.StateWhenAsync(hub, s => s["dropped"]!.GetValue<long>() == 7, "7 of 12 shed");
        Assert.Equal(5, down["queueDepth"]!.GetValue<int>());
        Assert.Equal(0, down["sent"]!.GetValue<long>());

        await broker.RestartAsync();
        await using var results = await TestClient.ConnectPersistentAsync(broker.Port, "shed-results", "luohu/bridge-test/#");
        await Poll.UntilAsync(() => results.Received.Count >= 5, TimeSpan.FromSeconds(20), "the queued messages at the broker");
        var up = await BridgeRoundTripTests.StateWhenAsync(hub, s => s["sent"]!.GetValue<long>() == 5, "sent = 5");

        Assert.Equal([7, 8, 9, 10, 11], results.Received.Select(r => JsonNode.Parse(r.Payload)!["n"]!.GetValue<int>()));
        Assert.Equal(0, up["queueDepth"]!.GetValue<int>());
        Assert.Equal(7, up["dropped"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_full_outbound_queue_holds_back_the_inbound_messages_it_waits_for_instead_of_shedding_and_acknowledging_them()
    {
        // One unconfirmed publish at a time and a queue of 5: the outbound side is far slower than 2,000 QoS 1 messages
        // arriving. Shedding a queued result would acknowledge its inbound message with the result thrown away.
        await using var broker = await MosquittoBroker.StartAsync();
        await using var hub = await HubServer.StartAsync(BridgeRoundTripTests.Settings(broker, "held-hub",
            ("Hub:Mqtt:Publish:0", "held/#"), ("Hub:Mqtt:OutboundQueueCapacity", "5"), ("Hub:Mqtt:MaxInflight", "1")));
        await Flows.DeployAsync(hub.Client, Flows.Relay("held", "sensors/held/+", "held/out", "msg.payload = { n: msg.payload.n }; return msg;"));
        await BridgeRoundTripTests.ConnectedAsync(hub);
        await using var results = await TestClient.ConnectAsync(broker.Port, "luohu/held/#");
        await using var sender = await TestClient.ConnectAsync(broker.Port);

        const int Count = 2000;
        for (var n = 0; n < Count; n++)
        {
            await sender.PublishAsync($"luohu/sensors/held/{n % 8}", $$"""{"n":{{n}}}""");
        }

        await Poll.UntilAsync(() => results.Received.Select(r => JsonNode.Parse(r.Payload)!["n"]!.GetValue<int>()).Distinct().Count() == Count,
            TimeSpan.FromSeconds(60), $"all {Count} results at the broker");
        var state = await BridgeRoundTripTests.StateWhenAsync(hub, s => s["inProcessing"]!.GetValue<int>() == 0, "every inbound message acknowledged");
        Assert.Equal(0, state["dropped"]!.GetValue<long>());
        Assert.Equal(0, state["ackTimeouts"]!.GetValue<long>());
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task<(int Answered, List<string> Failures)> WatchHealthAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var answered = 0;
        var failures = new List<string>();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    answered++;
                }
                else
                {
                    failures.Add($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
                }

                await Task.Delay(50, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (HttpRequestException e)
            {
                failures.Add(e.Message);
            }
        }

        return (answered, failures);
    }
}
