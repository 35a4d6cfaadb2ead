using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Luohu.Hub.Host;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.LoadHarness.Flood;

/// <summary>
/// "Flood warning within one second" under load: the water plugin installed from its staged folder by the real loader,
/// ticking every 150 ms (302 stations: about 2,000 readings a second on the bus, every one entering the flood flow),
/// a rainstorm over the whole district, and the sample flow with its once-a-minute throttle lifted so every
/// qualifying reading becomes an alert. Latency is reading timestamp (the plugin's clock, stamped when it measured) →
/// the alert's arrival on the bus at <c>alerts/water/flood-warning</c> (same clock, same process).
/// </summary>
internal static class FloodLoad
{
    private const string AdminPassword = "flood-bench-admin-password";

    public static async Task RunAsync(int seconds, int tickMilliseconds)
    {
        var data = Path.Combine(Path.GetTempPath(), "luohu-flood-bench", Guid.NewGuid().ToString("N"));
        var plugins = Path.Combine(data, "bundled");
        var samples = Path.Combine(data, "samples");
        Directory.CreateDirectory(samples);
        CopyFolder(Path.Combine(RepoPaths.Root, "artifacts", "bundled-plugins", "Luohu.Hub.Plugins.Water"), Path.Combine(plugins, "Luohu.Hub.Plugins.Water"));
        var flow = (await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "samples", "flows", "flood-warning.json")))
            .Replace("\"count\": 1, \"periodMs\": 60000", "\"count\": 1000000, \"periodMs\": 60000", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(samples, "flood-warning.json"), flow);

        var app = HubApplication.Create([
            "--urls=http://127.0.0.1:0", "--environment=Production", $"--contentRoot={data}", $"--Hub:DataPath={data}", "--Logging:LogLevel:Default=Warning",
            $"--Hub:BundledPluginsPath={plugins}", $"--Hub:Flows:SamplesPath={samples}", "--Hub:RuleLibrary:SamplesPath=",
            $"--Hub:Auth:AdminPassword={AdminPassword}", "--applicationName=Luohu.Hub.Host", "--Hub:Mqtt:Broker:Enabled=false",
            $"--Hub:Plugins:luohu.water:TickMilliseconds={tickMilliseconds}", "--Hub:Plugins:luohu.water:TimeScale=60",
            "--Hub:Plugins:luohu.water:RainChancePerHour=0", "--Hub:Plugins:luohu.water:OfflineChancePerHour=0",
        ]);
        await app.StartAsync();
        try
        {
            var bus = app.Services.GetRequiredService<IMessageBus>();
            long readings = 0;
            var latencies = new List<double>();
            var gate = new Lock();
            await using var counting = bus.Subscribe("sensors/water/+/+", (_, _) =>
            {
                Interlocked.Increment(ref readings);
                return ValueTask.CompletedTask;
            }, new SubscriptionOptions { Name = "bench:readings", Capacity = 100_000 });
            await using var alerts = bus.Subscribe("alerts/water/flood-warning", (message, _) =>
            {
                var arrived = DateTimeOffset.UtcNow;
                using var alert = JsonDocument.Parse(message.Payload);
                var measured = alert.RootElement.GetProperty("payload").GetProperty("timestamp").GetDateTimeOffset();
                lock (gate)
                {
                    latencies.Add((arrived - measured).TotalMilliseconds);
                }

                return ValueTask.CompletedTask;
            }, new SubscriptionOptions { Name = "bench:alerts", Capacity = 100_000 });

            using var client = await SignInAsync(app);
            for (var i = 0; i < 400 && !(await client.GetStringAsync(new Uri("/api/v1/capabilities", UriKind.Relative))).Contains("water.start-rain", StringComparison.Ordinal); i++)
            {
                await Task.Delay(50);
            }

            var rain = await client.PostAsJsonAsync("/api/v1/capabilities/water.start-rain", new { peakMmPerHour = 90, durationMinutes = 60 });
            rain.EnsureSuccessStatusCode();

            // Warm-up: the storm builds and the first alerts compile their paths; then measure.
            await Task.Delay(TimeSpan.FromSeconds(5));
            lock (gate)
            {
                latencies.Clear();
            }

            var startReadings = Interlocked.Read(ref readings);
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var elapsed = clock.Elapsed.TotalSeconds;
            var counted = Interlocked.Read(ref readings) - startReadings;
            List<double> sorted;
            lock (gate)
            {
                sorted = [.. latencies.Order()];
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"flood warning: {counted / elapsed:0} readings/s on the bus for {elapsed:0} s (tick {tickMilliseconds} ms, 302 stations), " +
                $"{sorted.Count} alerts; reading → alert p50 {Percentile(sorted, 0.50):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms, max {(sorted.Count == 0 ? double.NaN : sorted[^1]):0.0} ms"));
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static async Task<HttpClient> SignInAsync(WebApplication app)
    {
        var address = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
            .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        (await client.PostAsJsonAsync("/api/v1/session", new { user = "admin", password = AdminPassword })).EnsureSuccessStatusCode();
        return client;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static void CopyFolder(string from, string to)
    {
        if (!Directory.Exists(from))
        {
            throw new InvalidOperationException($"The water plugin is not staged at {from}; build the harness first.");
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
