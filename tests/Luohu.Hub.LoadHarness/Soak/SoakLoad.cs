using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Luohu.Hub.Host.Tests;
using Luohu.Hub.Mqtt.Tests;

namespace Luohu.Hub.LoadHarness.Soak;

/// <summary>
/// The soak under faults (<c>soak MINUTES [RATE]</c>): the hub as its own process with its defaults (the bundled
/// plugins, the parking simulation and every sample flow running), a relay flow trigger.topic → script → publish
/// through a real mosquitto fed at RATE (10,000) QoS 1 messages a second, while the harness injects, in a cycle of 10
/// minutes (shorter runs: one cycle of the run's length): a broker restart, a SIGKILL of the hub and its restart, and a
/// full data folder (the data folder is a 256 MiB tmpfs; a filler takes the rest for 30 s); throughout, a deploy of the
/// relay every 10 s, calls of a plugin that throws and one that hangs (the Faulty fixture), and bursts of malformed
/// payloads and API calls. It prints a row a minute (in, out, latency, memory, what was injected) and at the end the
/// accounting: every key the broker confirmed and none came out of is lost; the audit chain verified; the hub's log
/// errors grouped.
/// </summary>
internal static class SoakLoad
{
    private const string Department = "traffic";
    private static readonly TimeSpan FullDiskHold = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan BrokerPatience = TimeSpan.FromMinutes(5);

    public static async Task<int> RunAsync(int minutes, int rate)
    {
        var root = Path.Combine(Path.GetTempPath(), "luohu-soak", DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(data);
        await RunToolAsync("mount", "-t", "tmpfs", "-o", "size=256m,mode=0755", "tmpfs", data);
        var report = new SoakReport(minutes, rate);
        var loopsFailed = false;
        try
        {
            await using var broker = await MosquittoBroker.StartAsync(
                extraConfig: _ => "set_tcp_nodelay true\nmax_inflight_messages 1000\nmax_queued_messages 0\nmax_queued_bytes 0\n", quiet: true);
            var port = MosquittoBroker.FreePort();
            await using var hub = new SoakHub(data, port, Path.Combine(root, "hub.log"), [
                $"--Hub:Mqtt:Url={broker.Url}", "--Hub:Mqtt:ClientId=soak-hub", "--Hub:Mqtt:Subscribe:0=soak/in/#", "--Hub:Mqtt:Publish:0=soak/out/#",
                "--Hub:Mqtt:Qos=1", "--Hub:Mqtt:ReconnectMinDelay=00:00:00.100", "--Hub:Mqtt:ReconnectMaxDelay=00:00:02",
                "--Hub:Mqtt:Broker:Enabled=false", "--Hub:Flows:TriggerCapacity=10000",
            ]);
            Console.WriteLine($"soak: {minutes} min at {rate} msg/s; data folder {data} (tmpfs 256 MiB), hub log {root}/hub.log, mosquitto on {broker.Port}");
            report.HubStart(await hub.StartAsync());
            await hub.SignInAsync();
            await SetUpAsync(hub);

            var capacity = (long)rate * (minutes * 60 + 120);
            var confirmed = new KeySet(capacity);
            await using var receiver = new SoakReceiver(broker.Port, new KeySet(capacity));
            await receiver.WaitConnectedAsync(CancellationToken.None);
            await using var publisher = new SoakPublisher(broker.Port, confirmed);
            await using var malformed = new SoakConnection(broker.Port, "soak-malformed");

            using var running = new CancellationTokenSource(TimeSpan.FromMinutes(minutes));
            var clock = Stopwatch.StartNew();
            var publishing = publisher.RunAsync(rate, TimeSpan.FromSeconds(120), running.Token);
            var loops = new[]
            {
                FaultsAsync(minutes, hub, broker, data, report, clock, running.Token),
                EveryAsync(TimeSpan.FromSeconds(10), n => DeployAsync(hub, n, report), running.Token),
                EveryAsync(TimeSpan.FromSeconds(5), n => PluginFaultsAsync(hub, n, report), running.Token),
                EveryAsync(TimeSpan.FromSeconds(30), _ => MalformedAsync(hub, malformed, report), running.Token),
                EveryAsync(TimeSpan.FromSeconds(5), _ => SampleAsync(hub, report, clock), running.Token),
                EveryAsync(TimeSpan.FromSeconds(60), n => MinuteAsync(n, publisher, receiver, report, hub), running.Token),
            };
            try
            {
                await Task.WhenAll(loops);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A fault the harness could not inject (or undo) ends that loop, not the run: the accounting still counts.
                loopsFailed = true;
                report.Fault(clock, $"FAILED, the run went on without it: {e.GetType().Name}: {e.Message}");
            }

            await publishing;

            // Drained when nothing came out for 15 s or every confirmed key did, 10 minutes at most.
            var drain = Stopwatch.StartNew();
            while (drain.Elapsed < TimeSpan.FromMinutes(10) && receiver.Distinct < publisher.Confirmed && receiver.SinceLast < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(500);
            }

            report.Drained(drain.Elapsed, receiver.TakeMinute());
            report.Account(publisher, receiver, confirmed, await report.DeadLetteredAsync(hub));
            await report.FinalChecksAsync(hub);
            report.ReadLog(Path.Combine(root, "hub.log"), hub.LogLinesDropped);
        }
        finally
        {
            await RunToolAsync("umount", "-l", data);
        }

        report.Print();
        return report.Lost == 0 && !loopsFailed ? 0 : 1;
    }

    private static async Task SetUpAsync(SoakHub hub)
    {
        foreach (var topic in new[] { "soak/in/#", "soak/out/#" })
        {
            await SoakHub.EnsureAsync(await hub.Api.PostAsJsonAsync("/api/v1/grants", new { department = Department, kind = "stream", target = topic }), $"grant {topic}");
        }

        await SoakHub.EnsureAsync(await hub.Api.PostAsync("/api/v1/flows", Json(Relay(0))), "create the relay flow");
        await SoakHub.EnsureAsync(await hub.Api.PostAsync("/api/v1/flows/soak/deploy", null), "deploy the relay flow");
        using var zip = new ByteArrayContent(FixtureZips.Create("Faulty"));
        zip.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        await SoakHub.EnsureAsync(await hub.Api.PostAsync("/api/v1/plugins", zip), "install the Faulty plugin");
    }

    private static JsonObject Relay(int version) => new()
    {
        ["id"] = "soak", ["name"] = "soak relay", ["department"] = Department,
        ["nodes"] = new JsonArray(
            new JsonObject { ["id"] = "in", ["type"] = "trigger.topic", ["config"] = new JsonObject { ["topic"] = "soak/in/#" } },
            new JsonObject { ["id"] = "fn", ["type"] = "script", ["config"] = new JsonObject { ["code"] = $"msg.payload.v = {version}; return msg;" } },
            new JsonObject { ["id"] = "out", ["type"] = "publish", ["config"] = new JsonObject { ["topic"] = "soak/out/relay" } }),
        ["wires"] = new JsonArray(new JsonObject { ["from"] = "in", ["to"] = "fn" }, new JsonObject { ["from"] = "fn", ["to"] = "out" }),
    };

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>The faults that take something away, one at a time: broker restart, hub SIGKILL, full disk.</summary>
    private static async Task FaultsAsync(int minutes, SoakHub hub, MosquittoBroker broker, string data, SoakReport report, Stopwatch clock, CancellationToken running)
    {
        var cycle = TimeSpan.FromMinutes(Math.Min(10, minutes));
        try
        {
            for (var start = TimeSpan.Zero; ; start += cycle)
            {
                await UntilAsync(clock, start + (cycle * 0.2), running);
                // With a backlog of millions mosquitto takes tens of seconds to write its persistence and to load it
                // again; the run waits for both rather than giving up on the broker.
                var down = Stopwatch.StartNew();
                await broker.TerminateAsync(BrokerPatience);
                var stopped = down.Elapsed;
                await Task.Delay(TimeSpan.FromSeconds(3), running);
                var starting = Stopwatch.StartNew();
                await broker.RestartAsync(BrokerPatience);
                report.Fault(clock, $"broker restart (SIGTERM, down {down.Elapsed.TotalSeconds:F1} s: exit {stopped.TotalSeconds:F1} s, listening {starting.Elapsed.TotalSeconds:F1} s after its start)");

                await UntilAsync(clock, start + (cycle * 0.5), running);
                var killed = Stopwatch.StartNew();
                hub.Kill();
                await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
                var startup = await hub.StartAsync();
                report.HubStart(startup);
                report.Fault(clock, $"hub SIGKILL, answering again {killed.Elapsed.TotalSeconds:F1} s after the kill (start {startup.TotalSeconds:F1} s)");

                await UntilAsync(clock, start + (cycle * 0.8), running);
                report.Fault(clock, await FillDiskAsync(hub, data));
            }
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private static async Task UntilAsync(Stopwatch clock, TimeSpan at, CancellationToken running)
    {
        var wait = at - clock.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, running);
        }
    }

    /// <summary>Fills the tmpfs data folder to the last byte, holds it full while deploys, sign-ins and messages go
    /// on, frees it, and checks that a deploy works again.</summary>
    private static async Task<string> FillDiskAsync(SoakHub hub, string data)
    {
        var filler = Path.Combine(data, "soak-filler");
        long filled = 0;
        var chunk = new byte[1 << 20];
        try
        {
            await using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
            while (true)
            {
                await stream.WriteAsync(chunk);
                await stream.FlushAsync();
                filled += chunk.Length;
            }
        }
        catch (IOException)
        {
            // No space left on the device: full.
        }

        var statuses = new Dictionary<string, int>();
        var held = Stopwatch.StartNew();
        for (var n = 0; held.Elapsed < FullDiskHold; n++)
        {
            var code = await StatusOfAsync(() => hub.Api.PutAsync("/api/v1/flows/soak", Json(Relay(1_000_000 + n))));
            var deploy = await StatusOfAsync(() => hub.Api.PostAsync("/api/v1/flows/soak/deploy", null));
            var health = await StatusOfAsync(() => hub.Api.GetAsync("/healthz"));
            foreach (var key in new[] { $"save {code}", $"deploy {deploy}", $"healthz {health}" })
            {
                statuses[key] = statuses.GetValueOrDefault(key) + 1;
            }

            await Task.Delay(2000);
        }

        File.Delete(filler);
        var after = await StatusOfAsync(() => hub.Api.PutAsync("/api/v1/flows/soak", Json(Relay(2_000_000))));
        var afterDeploy = await StatusOfAsync(() => hub.Api.PostAsync("/api/v1/flows/soak/deploy", null));
        return $"disk full ({filled >> 20} MiB filler, {FullDiskHold.TotalSeconds:F0} s): {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} ×{s.Value}"))}; freed: save {after}, deploy {afterDeploy}";
    }

    private static async Task<string> StatusOfAsync(Func<Task<HttpResponseMessage>> call)
    {
        try
        {
            using var response = await call();
            return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }
        catch (HttpRequestException)
        {
            return "down";
        }
        catch (TaskCanceledException)
        {
            return "timeout";
        }
    }

    private static async Task EveryAsync(TimeSpan period, Func<int, Task> step, CancellationToken running)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            for (var n = 1; await timer.WaitForNextTickAsync(running); n++)
            {
                await step(n);
            }
        }
        catch (OperationCanceledException) when (running.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private static async Task DeployAsync(SoakHub hub, int n, SoakReport report)
    {
        var save = await StatusOfAsync(() => hub.Api.PutAsync("/api/v1/flows/soak", Json(Relay(n))));
        var deploy = save == "200" ? await StatusOfAsync(() => hub.Api.PostAsync("/api/v1/flows/soak/deploy", null)) : "-";
        report.Count("deploy", save == "200" && deploy == "200" ? "ok" : $"save {save} deploy {deploy}");
    }

    /// <summary>The Faulty plugin: one call that throws every 5 s, one that hangs every 30 s (not awaited: it answers
    /// when the invoker gives up), and one that works, which must keep working.</summary>
    private static async Task PluginFaultsAsync(SoakHub hub, int n, SoakReport report)
    {
        report.Count("faulty.throw", await StatusOfAsync(() => hub.Api.PostAsync("/api/v1/capabilities/faulty.throw", Json(new JsonObject { ["text"] = "x" }))));
        if (n % 6 == 0)
        {
            _ = Task.Run(async () => report.Count("faulty.hang", await StatusOfAsync(() => hub.Api.PostAsync("/api/v1/capabilities/faulty.hang", Json(new JsonObject { ["text"] = "x" })))));
        }

        report.Count("faulty.echo", await StatusOfAsync(() => hub.Api.PostAsync("/api/v1/capabilities/faulty.echo", Json(new JsonObject { ["text"] = "x" }))));
    }

    /// <summary>A burst of what careless devices and callers send: text that is not JSON, binary, 20,000 levels of
    /// nesting, a 300 KB payload, empty ones on the relay's own topics; and API calls with broken bodies.</summary>
    private static async Task MalformedAsync(SoakHub hub, SoakConnection malformed, SoakReport report)
    {
        var random = new Random(7);
        var payloads = new List<byte[]>();
        payloads.AddRange(Enumerable.Range(0, 100).Select(i => Encoding.UTF8.GetBytes($"{{\"k\": {i}, not json")));
        payloads.AddRange(Enumerable.Range(0, 100).Select(_ =>
        {
            var bytes = new byte[200];
            random.NextBytes(bytes);
            return bytes;
        }));
        payloads.AddRange(Enumerable.Range(0, 5).Select(_ => Encoding.UTF8.GetBytes(new string('[', 20_000) + new string(']', 20_000))));
        payloads.AddRange(Enumerable.Range(0, 5).Select(_ => Encoding.UTF8.GetBytes($"{{\"pad\":\"{new string('y', 300_000)}\"}}")));
        payloads.AddRange(Enumerable.Range(0, 50).Select(_ => Array.Empty<byte>()));
        payloads.AddRange(Enumerable.Range(0, 40).Select(i => Encoding.UTF8.GetBytes($"[{i}, \"an array, not an object\"]")));
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var client = await malformed.ConnectedAsync(timeout.Token);
            foreach (var payload in payloads)
            {
                await client.PublishAsync(new MQTTnet.MqttApplicationMessage
                {
                    Topic = "soak/in/bad", PayloadSegment = payload, QualityOfServiceLevel = MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce,
                }, timeout.Token);
            }

            report.Count("malformed", $"burst of {payloads.Count} sent");
        }
        catch (Exception e) when (e is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException)
        {
            report.Count("malformed", "burst cut short (broker away)");
        }

        foreach (var (path, body) in new[] { ("/api/v1/flows", "{\"id\": \"x\", "), ("/api/v1/messages", "[1,2"), ("/api/v1/capabilities/faulty.echo", "{\"text\": 1, \"text\": 2}"), ("/api/v1/rules/evaluate", "null") })
        {
            var status = await StatusOfAsync(() => hub.Api.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json")));
            report.Count("malformed api", status.StartsWith('4') || status is "down" or "timeout" ? "4xx (or hub away)" : $"{path} {status}");
        }
    }

    private static Task SampleAsync(SoakHub hub, SoakReport report, Stopwatch clock)
    {
        report.Memory(clock.Elapsed, hub.ResidentBytes(), hub.ProcessId);
        return Task.CompletedTask;
    }

    private static async Task MinuteAsync(int minute, SoakPublisher publisher, SoakReceiver receiver, SoakReport report, SoakHub hub)
    {
        report.Minute(minute, publisher, receiver, receiver.TakeMinute(), hub.ResidentBytes(), await BridgeAsync(hub));
    }

    /// <summary>The hub's MQTT bridge counters (since its last start), or why they could not be read.</summary>
    private static async Task<string> BridgeAsync(SoakHub hub)
    {
        try
        {
            using var body = JsonDocument.Parse(await hub.Api.GetStringAsync("/api/v1/mqtt"));
            var bridge = body.RootElement;
            return string.Join(" ", new[] { "received", "sent", "dropped", "rejected", "ackTimeouts", "inProcessing", "queueDepth", "inflight" }
                .Select(name => $"{name} {(bridge.TryGetProperty(name, out var value) ? value.ToString() : "?")}"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
        {
            return $"bridge not read ({e.GetType().Name})";
        }
    }

    private static async Task RunToolAsync(string tool, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true }) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Trim()}. The soak needs root for its tmpfs data folder (the full-disk fault).");
        }
    }
}
