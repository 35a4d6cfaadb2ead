using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Benchmarks.Flows;

/// <summary>
/// Latency distribution of trigger → script → publish: readings are published at a steady rate and each one's
/// time from publish to its status message leaving the flow is recorded; prints p50/p90/p99/max and throughput.
/// Run: <c>dotnet run -c Release --project tests/Luohu.Hub.Benchmarks -- flows-latency [messages] [per-second]</c>.
/// </summary>
internal static class FlowLatencyHarness
{
    public static async Task RunAsync(string[] args)
    {
        var messages = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var perSecond = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5_000;
        await using var bench = new FlowBench();
        await bench.DeployAsync("v0");
        var sent = new long[messages];
        var latencies = new double[messages];
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var output = bench.Bus.Subscribe("district/parking/+/status", (message, _) =>
        {
            var now = Stopwatch.GetTimestamp();
            using var payload = JsonDocument.Parse(message.Payload);
            var seq = payload.RootElement.GetProperty("seq").GetInt32();
            if (seq < 0)
            {
                return ValueTask.CompletedTask; // a warm-up reading
            }

            latencies[seq] = Stopwatch.GetElapsedTime(sent[seq], now).TotalMilliseconds;
            if (Interlocked.Increment(ref received) == messages)
            {
                done.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }, new SubscriptionOptions { Capacity = 100_000 });

        for (var i = 0; i < 500; i++)
        {
            await bench.Bus.PublishAsync(FlowBench.Reading(-1) with { Topic = "sensors/parking/warm/occupancy" }, CancellationToken.None);
        }

        var started = Stopwatch.GetTimestamp();
        var interval = Stopwatch.Frequency / (double)perSecond;
        for (var i = 0; i < messages; i++)
        {
            var due = started + (long)(i * interval);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Yield();
            }

            sent[i] = Stopwatch.GetTimestamp();
            await bench.Bus.PublishAsync(FlowBench.Reading(i), CancellationToken.None);
        }

        await done.Task.WaitAsync(TimeSpan.FromMinutes(2));
        var elapsed = Stopwatch.GetElapsedTime(started);
        Array.Sort(latencies);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"trigger → script → publish: {messages} messages offered at {perSecond}/s, done in {elapsed.TotalSeconds:F2} s ({messages / elapsed.TotalSeconds:F0} msg/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"latency ms: p50 {Percentile(latencies, 0.50):F3}  p90 {Percentile(latencies, 0.90):F3}  p99 {Percentile(latencies, 0.99):F3}  max {latencies[^1]:F3}"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
}
