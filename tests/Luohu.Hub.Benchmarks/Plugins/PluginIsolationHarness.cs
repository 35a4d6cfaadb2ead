using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Luohu.Hub.Runtime.Bus;
using Luohu.Hub.Runtime.Capabilities;
using Luohu.Hub.Runtime.Plugins;
using Luohu.Hub.Runtime.Plugins.Isolation;
using Microsoft.Extensions.DependencyInjection;

namespace Luohu.Hub.Benchmarks.Plugins;

/// <summary>
/// In process against isolated, with the Counter fixture: one action call through the invoker (p50/p90/p99),
/// events per second from an isolated event source emitting as fast as it can, and the time from killing the
/// plugin process (SIGKILL) to the replacement answering a call.
/// Run: <c>dotnet run -c Release --project tests/Luohu.Hub.Benchmarks -- plugin-isolation [calls]</c>.
/// </summary>
internal static class PluginIsolationHarness
{
    private static readonly JsonElement Input = JsonSerializer.SerializeToElement(new { add = 1 });
    private static readonly InvocationContext Context = new() { CorrelationId = "bench" };

    public static async Task RunAsync(string[] args)
    {
        var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
        var quiet = new Dictionary<string, string?> { ["Hub:Plugins:fixtures.counter:IntervalMs"] = "60000" };
        foreach (var isolated in new[] { false, true })
        {
            var hub = new BenchmarkHub(o => Isolate(o, isolated), settings: quiet);
            await InstallAsync(hub);
            var invoker = hub.Services.GetRequiredService<ICapabilityInvoker>();
            Print(isolated ? "action call, isolated" : "action call, in process", await CallsAsync(invoker, calls));
            await hub.ShutdownAsync();
        }

        await EventsAsync();
        await RestartAsync();
    }

    private static async Task<double[]> CallsAsync(ICapabilityInvoker invoker, int calls)
    {
        for (var i = 0; i < 2_000; i++)
        {
            await invoker.InvokeAsync("counter.add", Input, Context, CancellationToken.None);
        }

        var micros = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await invoker.InvokeAsync("counter.add", Input, Context, CancellationToken.None);
            micros[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }

        Array.Sort(micros);
        return micros;
    }

    private static async Task EventsAsync()
    {
        var counting = new CountingPublisher();
        var flat = new Dictionary<string, string?> { ["Hub:Plugins:fixtures.counter:IntervalMs"] = "0" };
        var hub = new BenchmarkHub(o => Isolate(o, isolated: true), counting, flat);
        await InstallAsync(hub);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var before = counting.Count;
        var started = Stopwatch.GetTimestamp();
        await Task.Delay(TimeSpan.FromSeconds(5));
        var rate = (counting.Count - before) / Stopwatch.GetElapsedTime(started).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events from an isolated source: {rate:N0} events/s (5 s window, after 2 s warm-up)"));
        await hub.ShutdownAsync();
    }

    private static async Task RestartAsync()
    {
        var quiet = new Dictionary<string, string?> { ["Hub:Plugins:fixtures.counter:IntervalMs"] = "60000" };
        foreach (var backoff in new[] { TimeSpan.Zero, new Luohu.Hub.Runtime.Plugins.PluginOptions().ProcessRestartBackoffMin })
        {
            var hub = new BenchmarkHub(o => { Isolate(o, isolated: true); o.ProcessRestartBackoffMin = backoff; o.QuarantineAfterCrashes = 100; }, settings: quiet);
            await InstallAsync(hub);
            var invoker = hub.Services.GetRequiredService<ICapabilityInvoker>();
            var samples = new List<double>();
            for (var round = 0; round < 5; round++)
            {
                await invoker.InvokeAsync("counter.add", Input, Context, CancellationToken.None);
                var runtime = (IsolatedPluginRuntime)hub.Manager.ActiveRuntime("fixtures.counter")!;
                using var process = Process.GetProcessById(runtime.ProcessId!.Value);
                var killed = Stopwatch.GetTimestamp();
                process.Kill();
                while (true)
                {
                    try
                    {
                        await invoker.InvokeAsync("counter.add", Input, Context, CancellationToken.None);
                        if (runtime.ProcessId is { } pid && pid != process.Id)
                        {
                            break;
                        }
                    }
                    catch (CapabilityException)
                    {
                        await Task.Delay(1);
                    }
                }

                samples.Add(Stopwatch.GetElapsedTime(killed).TotalMilliseconds);
            }

            samples.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kill → replacement serving, restart backoff {backoff.TotalMilliseconds:0} ms: median {samples[2]:0} ms (min {samples[0]:0}, max {samples[4]:0}, 5 kills; backoff doubles per crash within the window)"));
            await hub.ShutdownAsync();
        }
    }

    private static void Isolate(Luohu.Hub.Runtime.Plugins.PluginOptions options, bool isolated)
    {
        if (isolated)
        {
            options.PluginIsolation["fixtures.counter"] = PluginIsolation.Process;
        }
    }

    private static async Task InstallAsync(BenchmarkHub hub)
    {
        await hub.Manager.StartAsync(CancellationToken.None);
        using var zip = new MemoryStream(BenchmarkHub.CounterZip());
        await hub.Manager.InstallAsync(zip, CancellationToken.None);
    }

    private static void Print(string what, double[] sorted) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what}: p50 {sorted[sorted.Length / 2]:0.0} µs, p90 {sorted[sorted.Length * 9 / 10]:0.0} µs, p99 {sorted[sorted.Length * 99 / 100]:0.0} µs ({sorted.Length:N0} calls, one at a time)"));

    private sealed class CountingPublisher : IMessagePublisher
    {
        private long count;

        public long Count => Interlocked.Read(ref count);

        public ValueTask PublishAsync(HubMessage message, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count);
            return ValueTask.CompletedTask;
        }
    }
}
