using System.Diagnostics;
using System.Globalization;
using Luohu.Hub.Benchmarks.Flows;
using Luohu.Hub.Runtime.Bus;

namespace Luohu.Hub.Benchmarks.Telemetry;

/// <summary>
/// The cost of metrics and tracing on the hot path, on and off in one run: rounds of trigger → script → publish
/// batches (one ordered lane, as <see cref="FlowBenchmarks.TriggerScriptPublish"/>), each round running every mode of
/// <see cref="TelemetryListeners.Modes"/> in turn, so that a load change on a shared machine falls on all modes alike.
/// Prints per mode the median and the best batch (µs per message) and the bytes allocated per message.
/// Run: <c>dotnet run -c Release --project tests/Luohu.Hub.Benchmarks -- telemetry-cost [rounds] [batches per round]</c>.
/// </summary>
internal static class TelemetryCostHarness
{
    private const int Batch = 2_000;

    public static async Task RunAsync(string[] args)
    {
        var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
        var batches = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        await using var bench = new FlowBench();
        await bench.DeployAsync("v0");
        long seen = 0;
        long target = long.MaxValue;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var output = bench.Bus.Subscribe("district/parking/+/status", (_, _) =>
        {
            if (Interlocked.Increment(ref seen) >= Volatile.Read(ref target))
            {
                done.TrySetResult();
            }

            return ValueTask.CompletedTask;
        }, new SubscriptionOptions { Capacity = 100_000 });

        async Task<(double MicrosPerMessage, double BytesPerMessage)> BatchAsync()
        {
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref target, Interlocked.Read(ref seen) + Batch);
            var allocated = GC.GetTotalAllocatedBytes(precise: false);
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < Batch; i++)
            {
                await bench.Bus.PublishAsync(FlowBench.Reading(i), CancellationToken.None);
            }

            try
            {
                await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                // Messages that did not come out (a script over its time limit on an overloaded machine is a dead
                // letter): said, and the batch left out rather than the run hanging.
                Console.Error.WriteLine($"a batch timed out: {Volatile.Read(ref target) - Interlocked.Read(ref seen)} of {Batch} messages did not come out");
                return (double.NaN, double.NaN);
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            return (elapsed.TotalMicroseconds / Batch, (GC.GetTotalAllocatedBytes(precise: false) - allocated) / (double)Batch);
        }

        var results = TelemetryListeners.Modes.ToDictionary(m => m, _ => new List<(double Micros, double Bytes)>());
        foreach (var mode in TelemetryListeners.Modes)
        {
            using var warm = new TelemetryListeners(mode);
            for (var i = 0; i < 3; i++)
            {
                await BatchAsync();
            }
        }

        for (var round = 0; round < rounds; round++)
        {
            foreach (var mode in TelemetryListeners.Modes)
            {
                using var listeners = new TelemetryListeners(mode);
                for (var i = 0; i < batches; i++)
                {
                    if (await BatchAsync() is { MicrosPerMessage: not double.NaN } result)
                    {
                        results[mode].Add(result);
                    }
                }
            }
        }

        Console.WriteLine($"telemetry-cost: trigger → script → publish, one lane, {rounds} rounds × {batches} batches × {Batch} messages per mode");
        Console.WriteLine($"{"mode",-16} {"median µs/msg",14} {"best µs/msg",12} {"msg/s (median)",15} {"B/msg (median)",15}");
        foreach (var mode in TelemetryListeners.Modes)
        {
            var micros = results[mode].Select(r => r.Micros).Order().ToArray();
            var bytes = results[mode].Select(r => r.Bytes).Order().ToArray();
            var median = micros[micros.Length / 2];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{mode,-16} {median,14:0.00} {micros[0],12:0.00} {1_000_000 / median,15:0} {bytes[bytes.Length / 2],15:0}"));
        }
    }
}
