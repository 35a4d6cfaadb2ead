using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Luohu.Hub.Mqtt.Tests;

/// <summary>
/// At-least-once across a crash with many messages in processing: the hub process is SIGKILLed mid-stream (8 topics in
/// parallel, QoS 1, through an external mosquitto) and restarted; every message is handled and each topic's order held.
/// </summary>
public sealed class SigkillRedeliveryTests(ITestOutputHelper output)
{
    private const int Count = 3000;
    private const int Topics = 8;

    [Fact]
    public async Task A_hub_killed_mid_stream_processes_every_QoS1_message_of_8_parallel_topics_after_restart_in_each_topics_order()
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var dataPath = Path.Combine(Path.GetTempPath(), "luohu-mqtt-tests", "hub-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        var port = MosquittoBroker.FreePort();
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Mqtt:Url"] = broker.Url,
            ["Hub:Mqtt:ClientId"] = "sigkill-hub",
            ["Hub:Mqtt:Subscribe:0"] = "in/#",
            ["Hub:Mqtt:Publish:0"] = "done/#",
            ["Hub:Mqtt:ReconnectMinDelay"] = "00:00:00.100",
        };
        await using var results = await TestClient.ConnectAsync(broker.Port, "done/#");
        var seen = new ConcurrentDictionary<int, int>();
        var firstArrivals = new ConcurrentQueue<int>();
        results.OnMessage = (_, payload) =>
        {
            var n = JsonNode.Parse(payload)!["n"]!.GetValue<int>();
            if (seen.AddOrUpdate(n, 1, (_, c) => c + 1) == 1)
            {
                firstArrivals.Enqueue(n);
            }
        };

        var hub = await HubProcess.StartAsync(dataPath, port, settings);
        try
        {
            await Flows.DeployAsync(hub.Client, Flows.Relay("numbers", "in/#", "done/numbers",
                "msg.payload = { n: msg.payload.n }; return msg;"));
            await using var sender = await TestClient.ConnectAsync(broker.Port);
            await sender.PublishAsync("in/probe", """{"n":-1}""");
            await Poll.UntilAsync(() => seen.ContainsKey(-1), TimeSpan.FromSeconds(30), "the probe round trip");

            var stream = Task.Run(async () =>
            {
                for (var n = 0; n < Count; n++)
                {
                    await sender.PublishAsync($"in/numbers/{n % Topics}", $$"""{"n":{{n}}}""");
                    if (n % 50 == 0)
                    {
                        await Task.Delay(5);
                    }
                }
            });
            await Poll.UntilAsync(() => seen.Count > Count / 4, TimeSpan.FromSeconds(60), "a quarter of the stream processed");
            hub.Kill();
            var atKill = seen.Count;
            await stream;

            hub.Dispose();
            hub = await HubProcess.StartAsync(dataPath, port, settings);
            await Poll.UntilAsync(() => Enumerable.Range(0, Count).All(seen.ContainsKey), TimeSpan.FromSeconds(120),
                $"every number processed; missing so far: {string.Join(',', Enumerable.Range(0, Count).Where(n => !seen.ContainsKey(n)).Take(20))}");

            var duplicates = seen.Values.Sum(c => c - 1);
            output.WriteLine($"killed after {atKill - 1} of {Count} processed; all {Count} processed after restart; {duplicates} duplicate(s)");
            Assert.InRange(atKill, 2, Count);
            foreach (var topic in Enumerable.Range(0, Topics))
            {
                // A topic's messages are processed one after another, so the first time each number comes out follows the topic's order.
                var order = firstArrivals.Where(n => n >= 0 && n % Topics == topic).ToList();
                Assert.True(order.SequenceEqual(order.Order()), $"topic {topic} out of order: {string.Join(',', order.Take(40))}");
            }
        }
        finally
        {
            hub.Dispose();
        }
    }
}
