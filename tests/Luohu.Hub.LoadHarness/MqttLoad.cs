using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Luohu.Hub.Host;
using Luohu.Hub.Mqtt.Tests;
using Luohu.Hub.Runtime.Security;
using Microsoft.AspNetCore.Builder;
using MQTTnet.Protocol;

namespace Luohu.Hub.LoadHarness;

/// <summary>
/// trigger.topic → script → publish under load, QoS 0 and 1, at the offered rates, the generator in its own process
/// (<see cref="Generator"/>): through an external mosquitto, through the embedded broker, and in the same run what the
/// broker passes alone (mosquitto_pub -l → mosquitto_sub, the ceiling) and what a bare MQTTnet relay does (the same
/// path without the hub: the hub's own cost is the difference). The script node runs on the rules sandbox as it is
/// (a fresh engine per run); the <c>:plain</c> targets leave it out to show the MQTT, bus and flow path alone.
/// </summary>
internal static class MqttLoad
{
    private const string Script = "msg.payload.seen = true; return msg;";

    public static async Task RunAsync(TimeSpan duration, IReadOnlyList<int> rates, IReadOnlyList<int> qosLevels, IReadOnlyList<string> targets)
    {
        // Debian's mosquitto defaults collapse QoS 1 with many in flight (Nagle) and allow 20 unacknowledged per client;
        // a receiver's backlog at saturation must not hit the broker's per-client queue limit either.
        await using var broker = await MosquittoBroker.StartAsync(extraConfig: _ => "set_tcp_nodelay true\nmax_inflight_messages 1000\nmax_queued_messages 2000000\n");
        foreach (var qos in qosLevels)
        {
            var ceiling = await BrokerCeilingAsync(broker.Port, qos, 50_000);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"broker alone (mosquitto_pub -l | mosquitto_sub, QoS {qos}, 50000 msgs): {ceiling:F0} msg/s"));
        }

        foreach (var entry in targets)
        {
            // "hub" and "embedded" run trigger.topic → script → publish; "hub:plain" and "embedded:plain" leave the script out.
            var target = entry.Split(':')[0];
            var script = entry.EndsWith(":plain", StringComparison.Ordinal) ? null : Script;
            var shape = script is null ? " (no script)" : string.Empty;
            foreach (var qos in qosLevels)
            {
                switch (target)
                {
                    case "mqttnet":
                        await using (var relay = await MqttnetRelay.StartAsync(broker.Port, "load/in/#", "load/out/x", (MqttQualityOfServiceLevel)qos))
                        {
                            await MeasureRatesAsync($"MQTTnet relay alone, QoS {qos}", broker.Port, "load/in", "load/out/#", qos, rates, duration, null);
                        }

                        break;
                    case "hub":
                        await using (var hub = await StartHubAsync([
                            $"--Hub:Mqtt:Url={broker.Url}", $"--Hub:Mqtt:ClientId=load-hub-q{qos}", "--Hub:Mqtt:Subscribe:0=load/in/#", "--Hub:Mqtt:Publish:0=bench/out/#",
                            "--Hub:Mqtt:Mappings:0:Broker=load/in/", "--Hub:Mqtt:Mappings:0:Hub=bench/in/",
                            "--Hub:Mqtt:Mappings:1:Broker=load/out/", "--Hub:Mqtt:Mappings:1:Hub=bench/out/", $"--Hub:Mqtt:Qos={qos}", "--Hub:Mqtt:CleanStart=true",
                            "--Hub:Mqtt:OutboundQueueCapacity=1000000",
                        ], script))
                        {
                            await MeasureRatesAsync($"hub via mosquitto{shape}, QoS {qos}", broker.Port, "load/in", "load/out/#", qos, rates, duration, null, hub);
                        }

                        break;
                    case "embedded":
                        var port = MosquittoBroker.FreePort();
                        await using (var hub = await StartHubAsync([
                            "--Hub:Mqtt:Broker:Enabled=true", $"--Hub:Mqtt:Broker:Port={port}", "--Hub:Mqtt:Broker:Address=127.0.0.1", $"--Hub:Mqtt:Broker:Qos={qos}",
                            "--Hub:Mqtt:Broker:MaxMessagesPerSecondPerClient=1000000", "--Hub:Mqtt:Broker:FloodBurst=1000000",
                            "--Hub:Mqtt:Broker:MaxPendingMessagesPerClient=1000000",
                        ], script))
                        {
                            var (user, password) = await hub.IssueDeviceAsync();
                            await MeasureRatesAsync($"hub embedded broker{shape}, QoS {qos}", port, "bench/in", "bench/out/#", qos, rates, duration, (user, password), hub);
                        }

                        break;
                    default:
                        throw new ArgumentException($"unknown target '{entry}': mqttnet, hub, hub:plain, embedded, embedded:plain");
                }
            }
        }
    }

    private static async Task MeasureRatesAsync(
        string label, int port, string inTopic, string outFilter, int qos, IReadOnlyList<int> rates, TimeSpan duration, (string User, string Password)? credentials, BenchMqttHub? hub = null)
    {
        await using var receiver = await Receiver.ConnectAsync(port, outFilter, (MqttQualityOfServiceLevel)qos, credentials?.User, credentials?.Password);
        foreach (var rate in rates)
        {
            receiver.TakeLatencies();
            var started = Stopwatch.GetTimestamp();
            var generated = await GenerateAsync(port, inTopic, rate, duration, qos, credentials);
            // Drained when nothing arrived for 3 s (a loaded machine pauses for a second now and then), 90 s at most.
            var drainDeadline = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < drainDeadline)
            {
                var seen = receiver.LastReceivedTicks;
                await Task.Delay(3000);
                if (receiver.LastReceivedTicks == seen)
                {
                    break;
                }
            }

            var latencies = receiver.TakeLatencies();
            latencies.Sort();
            var elapsed = (receiver.LastReceivedTicks - started) / (double)Stopwatch.Frequency;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-34} offered {rate,6}/s x {duration.TotalSeconds:F0}s: in {generated}, out {latencies.Count}, sustained {latencies.Count / elapsed,7:F0} msg/s, " +
                $"p50 {Pct(latencies, 0.50),8:F2} ms, p99 {Pct(latencies, 0.99),8:F2} ms, max {latencies.LastOrDefault(),8:F1} ms"));
            if (hub is not null)
            {
                Console.WriteLine($"{string.Empty,-34} so far: {await hub.AccountingAsync()}");
            }
        }
    }

    private static async Task<string> GenerateAsync(int port, string topic, int rate, TimeSpan duration, int qos, (string User, string Password)? credentials)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(Generator).Assembly.Location);
        foreach (var arg in new[] { "generate", port.ToString(CultureInfo.InvariantCulture), topic, rate.ToString(CultureInfo.InvariantCulture),
            duration.TotalSeconds.ToString(CultureInfo.InvariantCulture), qos.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        if (credentials is { } c)
        {
            start.ArgumentList.Add(c.User);
            start.ArgumentList.Add(c.Password);
        }

        using var generator = Process.Start(start)!;
        var output = await generator.StandardOutput.ReadToEndAsync();
        await generator.WaitForExitAsync();
        var line = output.Trim();
        return line.StartsWith("sent ", StringComparison.Ordinal) ? line.Split(' ')[1] + (qos == 1 ? $" (acked {line.Split(' ')[3]})" : string.Empty) : $"? ({line})";
    }

    private static async Task<BenchMqttHub> StartHubAsync(string[] mqtt, string? script)
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "luohu-load", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);
        var app = HubApplication.Create([
            "--urls=http://127.0.0.1:0", $"--contentRoot={dataPath}", $"--Hub:DataPath={dataPath}", "--Logging:LogLevel:Default=Warning",
            "--Hub:BundledPluginsPath=", "--Hub:Flows:SamplesPath=", "--Hub:Flows:TriggerCapacity=10000", .. mqtt,
        ]);
        await app.StartAsync();
        var hub = new BenchMqttHub(app);
        await hub.DeployAsync("bench/in/#", "bench/out/x", script);
        return hub;
    }

    private static double Pct(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static async Task<double> BrokerCeilingAsync(int port, int qos, int count)
    {
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var qosText = qos.ToString(CultureInfo.InvariantCulture);
        using var sub = Process.Start(new ProcessStartInfo("mosquitto_sub", ["-p", portText, "-q", qosText, "-t", "ceiling/t", "-C", count.ToString(CultureInfo.InvariantCulture)])
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
        var pad = new string('x', Generator.PadBytes);
        for (var i = 0; i < count; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"{{\"t\":{i:D14},\"k\":{i},\"pad\":\"{pad}\"}}\n");
        }

        var started = Stopwatch.GetTimestamp();
        using var pub = Process.Start(new ProcessStartInfo("mosquitto_pub", ["-p", portText, "-q", qosText, "-t", "ceiling/t", "-l"]) { RedirectStandardInput = true })!;
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
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"broker alone QoS {qos}: {received}/{count} received"));
        return received / ((last - started) / (double)Stopwatch.Frequency);
    }
}
