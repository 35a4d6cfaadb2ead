using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Luohu.Hub.Host;
using Luohu.Hub.Mqtt.Tests;
using Microsoft.Extensions.DependencyInjection;
using Luohu.Hub.Runtime.Mqtt.Transport;

namespace Luohu.Hub.LoadHarness;

/// <summary>
/// broker → hub (trigger.topic → publish, mapped topic) → broker at 1k/5k/20k msg/s offered, QoS 1, and in the same run
/// the broker's own passthrough (mosquitto_pub -l → mosquitto_sub) with the same payload size as the ceiling.
/// </summary>
internal static class MqttLoad
{
    private const int PadBytes = 64;

    public static async Task RunAsync(TimeSpan duration, IReadOnlyList<int> rates, IReadOnlyList<string> acks)
    {
        await using var broker = await MosquittoBroker.StartAsync();
        var ceiling = await BrokerCeilingAsync(broker.Port, 50_000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"broker passthrough (mosquitto_pub -l | mosquitto_sub, QoS 1, 50000 msgs): {ceiling:F0} msg/s"));
        foreach (var ack in acks)
        {
            await RunHubAsync(broker, ack, duration, ceiling, rates);
        }
    }

    private static async Task RunHubAsync(MosquittoBroker broker, string ack, TimeSpan duration, double ceiling, IReadOnlyList<int> rates)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "luohu-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        var app = HubApplication.Create([
            "--urls=http://127.0.0.1:0", $"--contentRoot={dataPath}", $"--Hub:DataPath={dataPath}", "--Logging:LogLevel:Default=Warning",
            $"--Hub:Mqtt:Url={broker.Url}", $"--Hub:Mqtt:ClientId=load-{ack}", "--Hub:Mqtt:Subscribe:0=load/in/#", "--Hub:Mqtt:Publish:0=bench/out/#",
            "--Hub:Mqtt:Mappings:0:Broker=load/in/", "--Hub:Mqtt:Mappings:0:Hub=bench/in/",
            "--Hub:Mqtt:Mappings:1:Broker=load/out/", "--Hub:Mqtt:Mappings:1:Hub=bench/out/",
            $"--Hub:Mqtt:InboundAck={ack}", "--Hub:Mqtt:OutboundQueueCapacity=200000", "--Hub:Flows:TriggerCapacity=10000",
        ]);
        await app.StartAsync();
        try
        {
            // The pass-through flow belongs to the seeded 'traffic' department, which needs stream grants for its topics
            // like any department's flow (given here straight in the store, as an admin's POST /api/v1/grants would).
            var security = app.Services.GetRequiredService<Luohu.Hub.Runtime.Security.ISecurityStore>();
            foreach (var topic in new[] { "bench/in/#", "bench/out/#" })
            {
                await security.InsertGrantAsync(new Luohu.Hub.Runtime.Security.Grant
                {
                    Id = Guid.NewGuid().ToString("N"), Department = "traffic", Kind = Luohu.Hub.Runtime.Security.GrantKind.Stream, Target = topic,
                }, CancellationToken.None);
            }

            await app.Services.GetRequiredService<Luohu.Hub.Runtime.Security.IGrantCache>().ReloadAsync(CancellationToken.None);
            var flows = app.Services.GetRequiredService<Luohu.Hub.Runtime.Flows.IFlowService>();
            var flow = Luohu.Hub.Runtime.Flows.FlowJson.Deserialize(new JsonObject
            {
                ["id"] = "passthrough", ["name"] = "passthrough", ["department"] = "traffic",
                ["nodes"] = new JsonArray(
                    new JsonObject { ["id"] = "in", ["type"] = "trigger.topic", ["config"] = new JsonObject { ["topic"] = "bench/in/#" } },
                    new JsonObject { ["id"] = "out", ["type"] = "publish", ["config"] = new JsonObject { ["topic"] = "bench/out/x" } }),
                ["wires"] = new JsonArray(new JsonObject { ["from"] = "in", ["to"] = "out" }),
            }.ToJsonString());
            var problems = await flows.SaveAsync(flow, "load", CancellationToken.None);
            if (problems.Count > 0)
            {
                throw new InvalidOperationException("The pass-through flow is invalid: " + string.Join("; ", problems.Select(p => p.Message)));
            }

            await flows.DeployAsync("passthrough", "load", null, CancellationToken.None);

            var receiver = new Receiver("load/out/#");
            using var sub = new MosquittoTransport(new MqttTransportOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = "load-sub-" + ack, CleanStart = true });
            sub.Start(receiver);
            var sendHandler = new Receiver(null);
            using var pub = new MosquittoTransport(new MqttTransportOptions { Host = "127.0.0.1", Port = broker.Port, ClientId = "load-pub-" + ack, CleanStart = true });
            pub.Start(sendHandler);
            while (!receiver.Ready || !sendHandler.Ready || !app.Services.GetRequiredService<Luohu.Hub.Runtime.Mqtt.IMqttBridgeStatus>().GetState().Connected)
            {
                await Task.Delay(20);
            }

            foreach (var rate in rates)
            {
                receiver.TakeLatencies();
                var total = (int)(rate * duration.TotalSeconds);
                var started = Stopwatch.GetTimestamp();
                var pad = new string('x', PadBytes);
                // Paced in ~1 ms ticks (publish what is due, then sleep), not by spinning: a spinning sender takes one of the
                // machine's two cores from the hub and the broker and measures the starvation it causes.
                for (var sent = 0; sent < total;)
                {
                    var due = Math.Min(total, (int)(Stopwatch.GetElapsedTime(started).TotalSeconds * rate) + 1);
                    for (; sent < due; sent++)
                    {
                        var payload = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{{\"t\":{Stopwatch.GetTimestamp()},\"pad\":\"{pad}\"}}"));
                        PublishWhenAble(pub, "load/in/x", payload);
                    }

                    Thread.Sleep(1);
                }

                var drainDeadline = DateTime.UtcNow.AddSeconds(60);
                var received = 0;
                while (DateTime.UtcNow < drainDeadline)
                {
                    await Task.Delay(200);
                    var seen = receiver.LastReceivedTicks;
                    await Task.Delay(800);
                    if (receiver.LastReceivedTicks == seen)
                    {
                        break;
                    }
                }

                var latencies = receiver.TakeLatencies();
                received = latencies.Count;
                latencies.Sort();
                var elapsed = (receiver.LastReceivedTicks - started) / (double)Stopwatch.Frequency;
                var sustained = received / elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"hub ack={ack,-15} offered {rate,6}/s x {duration.TotalSeconds:F0}s: received {received}/{total}, sustained {sustained,8:F0} msg/s, " +
                    $"p50 {Pct(latencies, 0.50),8:F2} ms, p99 {Pct(latencies, 0.99),8:F2} ms, max {latencies.LastOrDefault(),8:F2} ms, ratio to broker {sustained / ceiling:P0}"));
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static void PublishWhenAble(MosquittoTransport pub, string topic, byte[] payload)
    {
        while (true)
        {
            try
            {
                pub.Publish(topic, payload, 1, retain: false);
                return;
            }
            catch (MqttTransportException)
            {
                Thread.Sleep(1);
            }
        }
    }

    private static double Pct(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static async Task<double> BrokerCeilingAsync(int port, int count)
    {
        var port_ = port.ToString(CultureInfo.InvariantCulture);
        using var sub = Process.Start(new ProcessStartInfo("mosquitto_sub", ["-p", port_, "-q", "1", "-t", "ceiling/t", "-C", count.ToString(CultureInfo.InvariantCulture)])
        { RedirectStandardOutput = true })!;
        var received = 0;
        var last = Stopwatch.GetTimestamp();
        var reading = Task.Run(async () =>
        {
            while (await sub.StandardOutput.ReadLineAsync() is not null)
            {
                received++;
                last = Stopwatch.GetTimestamp();
            }
        });
        await Task.Delay(500);
        var lines = new StringBuilder();
        var pad = new string('x', PadBytes);
        for (var i = 0; i < count; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"{{\"t\":{i:D14},\"pad\":\"{pad}\"}}\n");
        }

        var started = Stopwatch.GetTimestamp();
        using var pub = Process.Start(new ProcessStartInfo("mosquitto_pub", ["-p", port_, "-q", "1", "-t", "ceiling/t", "-l"]) { RedirectStandardInput = true })!;
        await pub.StandardInput.WriteAsync(lines.ToString());
        pub.StandardInput.Close();
        while (received < count && Stopwatch.GetElapsedTime(last) < TimeSpan.FromSeconds(3))
        {
            await Task.Delay(100);
        }

        if (!sub.HasExited)
        {
            sub.Kill();
        }

        await reading;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"broker passthrough: {received}/{count} received"));
        return received / ((last - started) / (double)Stopwatch.Frequency);
    }
}
